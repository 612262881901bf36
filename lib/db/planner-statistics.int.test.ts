/**
 * A large import leaves PostgreSQL's planner statistics current (the search
 * plans rely on them); a small one, and SQLite, leave them alone.
 */
import { describe, expect, it } from "vitest";
import { getSql } from "./sql";
import { ANALYZE_AFTER_DOCUMENTS, refreshPlannerStatistics } from "./planner-statistics";

async function lastAnalyzed(): Promise<number | null> {
  const sql = await getSql();
  const row = await sql.one<{ at: Date | string | null }>(`SELECT last_analyze AS "at" FROM pg_stat_user_tables WHERE relname = 'DocumentSearchChunk'`);
  return row?.at ? new Date(row.at).getTime() : null;
}

describe("planner statistics after an import", () => {
  it("are refreshed on PostgreSQL after a large import only, and never on SQLite", async () => {
    const sql = await getSql();
    expect(await refreshPlannerStatistics(ANALYZE_AFTER_DOCUMENTS - 1)).toBe(false);
    if (sql.provider === "sqlite") {
      expect(await refreshPlannerStatistics(ANALYZE_AFTER_DOCUMENTS)).toBe(false);
      expect(await sql.all(`SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'`)).toEqual([]);
      return;
    }
    const before = await lastAnalyzed();
    const started = Date.now() - 1000;
    expect(await refreshPlannerStatistics(ANALYZE_AFTER_DOCUMENTS)).toBe(true);
    // the statistics collector reports the ANALYZE a moment later
    await expect.poll(lastAnalyzed, { timeout: 5000 }).toBeGreaterThanOrEqual(Math.max(before ?? 0, started));
  });
});
