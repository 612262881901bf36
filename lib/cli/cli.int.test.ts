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
    const records = exported.stdout.trim().split("\n").map((l) => JSON.parse(l) as { title: string; text: string });
    const brief = records.find((r) => r.title === "CLI brief");
    expect(brief?.text.startsWith("Lavrov 😀 met Kerry.\n")).toBe(true);
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
