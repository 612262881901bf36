import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { db } from "@/lib/db";
import { makeProject, makeUser, unique } from "@/lib/testing/factories";

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "lib/cli/main.ts", ...args], { env: process.env }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("CLI import of JSONL", () => {
  it("imports the valid lines, prints line errors, and exits non-zero in all-or-nothing mode", async () => {
    await makeUser("ADMIN");
    const project = await makeProject();
    const dir = mkdtempSync(join(tmpdir(), "marginalia-import-"));
    const file = join(dir, "batch.jsonl");
    const text = `Hi 😀 Lavrov met Kerry. ${unique("t")}`;
    writeFileSync(
      file,
      [
        JSON.stringify({ text, spans: [{ start: 5, end: 11, label: "PERSON" }] }),
        "{broken",
        JSON.stringify({ text: `x ${unique("u")}`, spans: [{ start: 0, end: 1, label: "NOPE" }] }),
      ].join("\n"),
    );
    const strict = await cli("import", file, "--project", project.slug, "--mode", "all-or-nothing");
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/line 2: error: not valid JSON/);
    expect(strict.stderr).toMatch(/line 3: error: unknown label NOPE/);
    expect(strict.stderr).toMatch(/2 lines have errors; nothing was imported/);
    expect(await db.document.count({ where: { projectId: project.id } })).toBe(0);

    const lenient = await cli("import", file, "--project", project.slug, "--format", "spacy", "--name", "cli");
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/imported 1 document with 1 span into project .* \(spacy, offsets codepoint, layer suggestions:import:cli\)/);
    expect(lenient.stdout).toMatch(/line 2: error: not valid JSON/);
    const doc = await db.document.findFirstOrThrow({ where: { projectId: project.id }, include: { layers: { include: { annotations: true } } } });
    expect(doc.layers[0].annotations[0]).toMatchObject({ start: 5, end: 11, text: "Lavrov" });

    const again = await cli("import", file, "--project", project.slug, "--format", "spacy");
    expect(again.stdout).toMatch(new RegExp(`line 1: skipped, duplicate of document ${doc.id}`));
  }, 90_000);
});
