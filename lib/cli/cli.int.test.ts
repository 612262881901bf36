import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "lib/cli/main.ts", ...args], { env: process.env }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("CLI", () => {
  it("adds a user, creates a token, imports a file, refuses its duplicate and exports", async () => {
    const email = `cli-${randomBytes(4).toString("hex")}@test.local`;
    const added = await cli("user", "add", "--email", email, "--name", "Cli Admin", "--role", "admin", "--password", "cli-password-1");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`created admin ${email}`);

    const token = await cli("token", "create", "--email", email);
    expect(token.code).toBe(0);
    expect(token.stdout.trim().split("\n").pop()).toMatch(/^mrg_[A-Za-z0-9_-]{43}$/);

    const dir = mkdtempSync(join(tmpdir(), "marginalia-cli-"));
    const file = join(dir, "brief.txt");
    writeFileSync(file, `Lavrov 😀 met Kerry.\r\n${randomBytes(4).toString("hex")}`);
    const imported = await cli("import", file, "--title", "CLI brief");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/imported \S+ "CLI brief"/);
    const again = await cli("import", file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already document");

    const exported = await cli("export", "--layer", "annotators", "--status", "all");
    expect(exported.code).toBe(0);
    const records = exported.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { title: string; text: string })
      .slice(1);
    const brief = records.find((r) => r.title === "CLI brief");
    expect(brief?.text.startsWith("Lavrov 😀 met Kerry.\n")).toBe(true);
  }, 60_000);

  it("exports a format with a label subset, one annotator's layer, UTF-16 offsets and a seeded split", async () => {
    const { makeUser, makeProject, makeDocument, makeAnnotatorLayer, spanAt } = await import("@/lib/testing/factories");
    const { splitOf, splitPlan } = await import("@/lib/export/dataset-split");
    const project = await makeProject();
    const admin = await makeUser("ADMIN");
    const ann = await makeUser("ANNOTATOR");
    const doc = await makeDocument(admin.actor, { project: project.slug, text: "😀 Sergey V. Lavrov met 👩‍👩‍👧 John Kerry in 𠀀 Baghdad." });
    await makeAnnotatorLayer(ann.actor, doc.id, {
      spans: [spanAt(doc.text, "John Kerry", "PERSON"), spanAt(doc.text, "Baghdad", "GPE"), spanAt(doc.text, "Sergey V. Lavrov", "PERSON")],
      status: "APPROVED",
    });
    const args = ["--project", project.slug, "--layer", `annotator:${ann.user.email}`, "--labels", "PERSON", "--split", "80/10/10", "--seed", "7"];
    const out = await cli("export", "--format", "doccano", "--offsets", "utf16", ...args);
    expect(out.stderr).toMatch(/exported \d+ bytes/);
    expect(out.code).toBe(0);
    const lines = out.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { text: string; label: [number, number, string][]; split: string });
    expect(lines).toHaveLength(1);
    expect(lines[0].label.map(([s, e, l]) => `${l}:${lines[0].text.slice(s, e)}`)).toEqual(["PERSON:Sergey V. Lavrov", "PERSON:John Kerry"]);
    expect(lines[0].split).toBe(splitOf(splitPlan([80, 10, 10], "7"), doc.id));
    const ls = await cli("export", "--format", "label-studio", ...args);
    expect(ls.code).toBe(0);
    expect((JSON.parse(ls.stdout) as unknown[]).length).toBe(1);
    const bad = await cli("export", "--format", "conll");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("format");
  }, 60_000);

  it("exits non-zero with a clear message on bad input", async () => {
    const missing = await cli("user", "add", "--email", "x@test.local");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("missing --name, --role, --password");
    const badRole = await cli("user", "add", "--email", "y@test.local", "--name", "Y", "--role", "boss", "--password", "long-enough-1");
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/role/);
    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const noFile = await cli("import", "/nonexistent/file.txt");
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain("no such file");
  }, 60_000);
});
