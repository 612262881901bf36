/**
 * Copies of a live SQLite database: SQLite's online backup API copies a
 * consistent snapshot page by page while the server keeps reading and
 * writing (a plain file copy of a WAL database can tear). Restoring runs the
 * same API the other way, into the database file, under SQLite's locks.
 *
 * The copy is made in one step: SQLite restarts a stepwise backup whenever
 * another connection writes to the source between steps, so a server that
 * keeps writing would keep a 100-pages-a-step backup from ever finishing.
 * One step holds a read snapshot (WAL: writers go on) and blocks only this
 * process, the backup command's own.
 */
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { makeSqliteFilesPrivate, prepareSqliteFolder } from "./private-files";

/** better-sqlite3's page count for the next step: every page left. */
const ALL_AT_ONCE = () => 0x7fffffff;

export async function backupSqlite(databaseFile: string, backupFile: string): Promise<{ pages: number }> {
  if (!existsSync(databaseFile)) throw new Error(`no database at ${databaseFile}`);
  if (existsSync(backupFile)) throw new Error(`${backupFile} exists; choose a new file name`);
  prepareSqliteFolder(backupFile);
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const result = await source.backup(backupFile, { progress: ALL_AT_ONCE });
    makeSqliteFilesPrivate(backupFile);
    checkIntegrity(backupFile);
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}

export async function restoreSqlite(backupFile: string, databaseFile: string): Promise<{ pages: number }> {
  if (!existsSync(backupFile)) throw new Error(`no backup at ${backupFile}`);
  checkIntegrity(backupFile);
  prepareSqliteFolder(databaseFile);
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const result = await source.backup(databaseFile, { progress: ALL_AT_ONCE });
    makeSqliteFilesPrivate(databaseFile);
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}

function checkIntegrity(file: string) {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const verdict = conn.pragma("integrity_check", { simple: true });
    if (verdict !== "ok") throw new Error(`${file} fails SQLite's integrity check: ${String(verdict)}`);
  } finally {
    conn.close();
  }
}
