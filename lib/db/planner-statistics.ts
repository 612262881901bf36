/**
 * After a bulk import, PostgreSQL's planner statistics still describe the
 * tables as they were (autovacuum analyzes them a minute or more later), and
 * until then it may pick plans made for a handful of rows: a search over the
 * new documents read thousands of index entries where it needed twenty. So a
 * large import analyzes the tables it grew before it answers. ANALYZE reads a
 * sample and takes no lock that holds up readers or writers.
 *
 * SQLite keeps no statistics unless ANALYZE is run, and every query plan of
 * this code was chosen and measured without them; nothing is done there.
 */
import { getSql } from "./sql";

/** Documents an import must bring before the tables are analyzed (the rest wait for autovacuum). */
export const ANALYZE_AFTER_DOCUMENTS = 200;

const GROWN_BY_IMPORT = ["Document", "DocumentSearchChunk", "Layer", "Annotation", "AgreementDocument"];

export async function refreshPlannerStatistics(documentsWritten: number): Promise<boolean> {
  if (documentsWritten < ANALYZE_AFTER_DOCUMENTS) return false;
  const sql = await getSql();
  if (sql.provider !== "postgresql") return false;
  await sql.run(`ANALYZE ${GROWN_BY_IMPORT.map((t) => `"${t}"`).join(", ")}`);
  return true;
}
