import { describe, expect, it } from "vitest";
import { mkdtempSync, statSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { migrate } from "./migrate";
import { ImmediateSqliteAdapter } from "./sqlite-adapter";

const mode = (path: string) => statSync(path).mode & 0o777;

describe("the SQLite files", () => {
  it("are readable by their owner only, in a folder closed to others, the WAL included", async () => {
    const root = mkdtempSync(join(tmpdir(), "marginalia-perm-"));
    try {
      const file = join(root, "data", "app.db");
      const url = `file:${file}`;
      await migrate(url);
      const adapter = await new ImmediateSqliteAdapter(url).connect();
      await adapter.executeRaw({ sql: `CREATE TABLE "t" ("x" INTEGER)`, args: [], argTypes: [] });
      expect(mode(join(root, "data"))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      await adapter.dispose();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
