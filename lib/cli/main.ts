/**
 * Marginalia CLI: `npm run cli -- <command>`. Talks to the database named by
 * DATABASE_URL (default: the SQLite file under data/), applying migrations first.
 *
 *   user add --email E --name N --role admin|reviewer|annotator --password P [--project SLUG]
 *   token create --email E [--name N]     prints the token alone on the last line
 *   import FILE.txt [--title T] [--project SLUG] [--source S]
 *   import FILE [FILE.txt …] [--format auto|txt|native|spacy|doccano|label-studio] [--offsets codepoint|utf16]
 *          [--mode valid|all-or-nothing] [--into suggestions|annotator:EMAIL] [--name NAME] [--create-labels] [--project SLUG]
 *   export [--format native|spacy|doccano|label-studio] [--layer gold|annotators|annotator:EMAIL] [--status approved|all]
 *          [--project SLUG] [--labels A,B] [--offsets codepoint|utf16] [--split 80/10/10 --seed 7] [--manifest first|none|only]   on stdout
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl } from "@/lib/db/url";
import { AppError } from "@/lib/errors";
import { ZodError } from "zod";
import { runScript } from "@/lib/ops/run-script";

const USAGE = `usage: npm run cli -- <command>
  user add --email E --name N --role admin|reviewer|annotator --password P [--project SLUG]   (member of every project unless one is named)
  token create --email E [--name NAME]
  import FILE.txt [--title TITLE] [--project SLUG] [--source SOURCE]
  import FILE [FILE.txt …] [--format auto|txt|native|spacy|doccano|label-studio] [--offsets codepoint|utf16]
         [--mode valid|all-or-nothing] [--into suggestions|annotator:EMAIL] [--name NAME] [--create-labels] [--project SLUG]
  export [--format native|spacy|doccano|label-studio] [--layer gold|annotators|annotator:EMAIL_OR_ID] [--status approved|all]
         [--project SLUG] [--labels PERSON,ORG] [--offsets codepoint|utf16] [--split 80/10/10] [--seed 7]
         [--manifest first|none|only] [--agreement true|false] [--threads 1] > corpus.jsonl`;

class UsageError extends Error {}

function need(values: Record<string, string | boolean | undefined>, ...names: string[]) {
  const missing = names.filter((n) => typeof values[n] !== "string" || values[n] === "");
  if (missing.length) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(", ")}`);
  return values as Record<string, string>;
}

async function systemActor() {
  const { db } = await import("@/lib/db");
  const admin = await db.user.findFirst({ where: { role: "ADMIN", active: true }, orderBy: { createdAt: "asc" } });
  if (!admin) throw new UsageError("no active admin yet: create one first with `user add --role admin`");
  return { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" as const };
}

async function run(argv: string[]) {
  const [command, sub, ...rest] = argv;
  const key = command === "user" || command === "token" ? `${command} ${sub ?? ""}` : command;
  const args = command === "user" || command === "token" ? rest : [sub, ...rest].filter((a): a is string => a !== undefined);
  const parse = (options: Record<string, { type: "string" }>) => parseArgs({ args, options, allowPositionals: true, strict: true });

  switch (key) {
    case "user add": {
      const { values } = parse({
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        password: { type: "string" },
        project: { type: "string" },
      });
      const v = need(values, "email", "name", "role", "password");
      const { createUser } = await import("@/lib/users/create-user");
      let projectIds: string[] | undefined;
      if (values.project) {
        const { db } = await import("@/lib/db");
        const project = await db.project.findUnique({ where: { slug: values.project } });
        if (!project) throw new UsageError(`no project with slug ${values.project}`);
        projectIds = [project.id];
      }
      const user = await createUser({ email: v.email, name: v.name, role: v.role, password: v.password, projectIds });
      console.log(`created ${user.role.toLowerCase()} ${user.email} (${user.id})`);
      return;
    }
    case "token create": {
      const { values } = parse({ email: { type: "string" }, name: { type: "string" } });
      const v = need(values, "email");
      const { db } = await import("@/lib/db");
      const user = await db.user.findUnique({ where: { email: v.email.trim().toLowerCase() } });
      if (!user || !user.active) throw new UsageError(`no active user with email ${v.email}`);
      const { createApiToken } = await import("@/lib/auth/api-tokens");
      const created = await createApiToken({ userId: user.id, name: v.name ?? `cli ${new Date().toISOString().slice(0, 10)}` });
      console.log(`token "${created.name}" for ${user.email}; it is shown once:`);
      console.log(created.token);
      return;
    }
    case "import": {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          title: { type: "string" },
          project: { type: "string" },
          source: { type: "string" },
          format: { type: "string" },
          offsets: { type: "string" },
          mode: { type: "string" },
          into: { type: "string" },
          name: { type: "string" },
          "create-labels": { type: "boolean" },
        },
      });
      const file = positionals[0];
      if (!file) throw new UsageError("name the file to import");
      for (const f of positionals) if (!statSync(f, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`no such file: ${f}`);
      const bulk =
        values.format ||
        values.offsets ||
        values.mode ||
        values.into ||
        values.name ||
        values["create-labels"] ||
        positionals.length > 1 ||
        !/\.txt$/i.test(file);
      if (!bulk) {
        // one .txt file: the original single-document import (a duplicate is an error)
        const text = readFileSync(file, "utf8");
        const { importDocument } = await import("@/lib/documents/import-document");
        const { document } = await importDocument({
          actor: await systemActor(),
          input: { title: values.title ?? basename(file).replace(/\.txt$/i, ""), text, project: values.project, source: values.source ?? basename(file) },
        });
        console.log(`imported ${document.id} "${document.title}" (${document.length} characters)`);
        return;
      }
      const { createReadStream } = await import("node:fs");
      const { importFiles } = await import("@/lib/import/import-files");
      const { printSummary } = await import("@/lib/import/print-summary");
      const options = {
        format: values.format,
        offsets: values.offsets,
        mode: values.mode,
        into: values.into,
        name: values.name,
        createLabels: values["create-labels"] ?? false,
        project: values.project,
      };
      const files = positionals.map((f) => ({ name: basename(f), chunks: createReadStream(f, { encoding: "utf8" }) as AsyncIterable<string> }));
      try {
        const summary = await importFiles({ actor: await systemActor(), options: options as never, files });
        printSummary(summary, (l) => console.log(l));
      } catch (err) {
        if (err instanceof AppError && err.code === "UNPROCESSABLE" && err.details) {
          printSummary(err.details as never, (l) => console.error(l));
        }
        throw err;
      }
      return;
    }
    case "export": {
      const names = ["format", "layer", "status", "project", "labels", "offsets", "split", "seed", "manifest", "agreement", "threads"] as const;
      const { values } = parse(Object.fromEntries(names.map((n) => [n, { type: "string" as const }])));
      const { exportChunks } = await import("@/lib/export/stream-export");
      let bytes = 0;
      for await (const chunk of await exportChunks({ actor: await systemActor(), options: values })) {
        if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once("drain", r));
        bytes += Buffer.byteLength(chunk);
      }
      console.error(`exported ${bytes} bytes`);
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${[command, sub].filter(Boolean).join(" ")}"` : "no command given");
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  try {
    await migrate(databaseUrl());
    await run(argv);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) console.error(`error: ${err.message}\n\n${USAGE}`);
    else if (err instanceof AppError) console.error(`error: ${err.message}`);
    else if (err instanceof ZodError) console.error(`error: ${err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
    else if (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")) console.error(`error: ${err.message}\n\n${USAGE}`);
    else console.error(`error: ${(err as Error).message}`);
    return 1;
  }
}

runScript(main);
