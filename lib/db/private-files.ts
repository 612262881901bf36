/**
 * The SQLite database holds sensitive reporting: its file (and the WAL and
 * shared-memory files SQLite creates with the same mode) are readable by the
 * owner only, and a folder made for it is closed to others.
 */
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

export function prepareSqliteFolder(file: string) {
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  else if (dir === "data" || dir.endsWith("/data")) chmodSync(dir, 0o700); // the app's own data folder; never a folder the user chose for other things
}

export function makeSqliteFilesPrivate(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
}
