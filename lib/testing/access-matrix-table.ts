/** The README's access matrix table, rendered from lib/testing/access-matrix.ts. */
import { ACCESS_MATRIX, ROLES, ROLE_TITLES, routeStatus, type MatrixRole } from "./access-matrix";

export const MARKERS = { start: "<!-- access-matrix:start (npm run docs:access-matrix) -->", end: "<!-- access-matrix:end -->" };

function actionCell(expect: Record<string, number> | null, role: MatrixRole): string {
  if (role === "revokedToken") return "n/a";
  if (role === "anonymous" || role === "deactivated") return "→ /signin";
  if (!expect) return "public";
  const status = expect[role];
  return status === 200 ? "ok" : String(status);
}

export function renderAccessMatrix(): string {
  const head = `| call | ${ROLES.map((r) => ROLE_TITLES[r]).join(" | ")} | notes |`;
  const rule = `|${" --- |".repeat(ROLES.length + 2)}`;
  const lines = [head, rule];
  for (const e of ACCESS_MATRIX) {
    if (e.kind === "route") {
      lines.push(`| \`${e.method} ${e.path}\` | ${ROLES.map((r) => String(routeStatus(e, r))).join(" | ")} | ${e.note ?? ""} |`);
    } else {
      const name = `${e.action}${e.intent ? ` (${e.intent})` : ""}`;
      const how = e.run ? `action → \`${e.operation}\`` : "action";
      lines.push(`| ${name} | ${ROLES.map((r) => actionCell(e.expect, r)).join(" | ")} | ${[how, e.note].filter(Boolean).join("; ")} |`);
    }
  }
  return lines.join("\n");
}

/** README text with the section between the markers replaced by `table`. */
export function withAccessMatrix(readme: string, table: string): string {
  const start = readme.indexOf(MARKERS.start);
  const end = readme.indexOf(MARKERS.end);
  if (start < 0 || end < start) throw new Error(`README.md has no ${MARKERS.start} … ${MARKERS.end} section`);
  return `${readme.slice(0, start + MARKERS.start.length)}\n${table}\n${readme.slice(end)}`;
}
