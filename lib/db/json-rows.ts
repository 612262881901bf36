/**
 * Many rows as ONE query parameter: a JSON array of objects, read back as a
 * subquery with one column per key (SQLite json_each, PostgreSQL
 * jsonb_to_recordset). Bulk inserts written this way cost Prisma's query
 * compiler nothing per row; with one parameter per value it works
 * synchronously on every one of them (about a millisecond per row of a
 * createMany), which is what held the server during large imports.
 */
import { Prisma } from "@/lib/generated/sqlite/client";
import { databaseProvider } from "@/lib/db/url";

export type JsonColumn = [name: string, pgType: "text" | "int" | "bigint" | "jsonb"];

const quoted = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad column name ${name}`);
  return `"${name}"`;
};

/** `SELECT <columns> FROM <the rows>`: use as `FROM (${jsonRows(...)}) r`. */
export function jsonRows(rows: Record<string, unknown>[], columns: JsonColumn[]): Prisma.Sql {
  const json = JSON.stringify(rows.map((r) => columns.map(([c]) => r[c] ?? null)));
  if (databaseProvider() === "sqlite") {
    const select = columns.map(([c], i) => `json_extract("value", '$[${i}]') AS ${quoted(c)}`).join(", ");
    return Prisma.sql`SELECT ${Prisma.raw(select)} FROM json_each(${json})`;
  }
  const select = columns.map(([c, t], i) => `(r."value"->>${i})::${t} AS ${quoted(c)}`).join(", ");
  return Prisma.sql`SELECT ${Prisma.raw(select)} FROM jsonb_array_elements(${json}::jsonb) AS r("value")`;
}

/** The rows of a JSON array of integers, as a subquery of one column. */
export function jsonIntegers(values: number[]): Prisma.Sql {
  const json = JSON.stringify(values);
  return databaseProvider() === "sqlite"
    ? Prisma.sql`SELECT "value" FROM json_each(${json})`
    : Prisma.sql`SELECT jsonb_array_elements_text(${json}::jsonb)::bigint`;
}

/** A timestamp parameter in a SELECT list (PostgreSQL would take an untyped one for text). */
export function timestampParam(at: Date): Prisma.Sql {
  return databaseProvider() === "sqlite" ? Prisma.sql`${at}` : Prisma.sql`${at}::timestamp(3)`;
}
