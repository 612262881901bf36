/**
 * The bench's figures → a console table and BENCHMARKS.md: each figure with
 * its median and worst, its ratio to plain TipTap where there is one, the
 * target, and "met" or "MISSED".
 */
import { writeSection } from "./report-section";

export type Unit = "ms" | "nodes" | "MB" | "count";
export type Target = {
  /** the limit, in the row's unit, or as a ratio to plain TipTap when `ratio` */
  max: number;
  ratio?: boolean;
  /** which statistic is held against it */
  on: "median" | "worst";
  text: string;
};
export type Row = { section: string; measure: string; unit: Unit; samples: number[]; baseline?: number[]; target?: Target; note?: string };

export const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const worst = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);

export type Judged = Row & { median: number; worst: number; baseMedian: number | null; ratio: number | null; met: boolean | null };

export function judge(row: Row): Judged {
  const med = median(row.samples);
  const wst = worst(row.samples);
  const baseMedian = row.baseline?.length ? median(row.baseline) : null;
  // ratio of medians; the worst against the baseline's median when the worst is judged
  const ratio = baseMedian ? (row.target?.on === "worst" ? wst : med) / baseMedian : null;
  let met: boolean | null = null;
  if (row.target && row.samples.length) {
    const value = row.target.ratio ? ratio : row.target.on === "worst" ? wst : med;
    met = value !== null && Number.isFinite(value) && value <= row.target.max;
  }
  return { ...row, median: med, worst: wst, baseMedian, ratio, met };
}

const fmt = (v: number | null, unit: Unit) => {
  if (v === null || !Number.isFinite(v)) return "—";
  if (unit === "ms") return `${v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString("en")} ms`;
  if (unit === "MB") return `${v.toFixed(1)} MB`;
  return Math.round(v).toLocaleString("en");
};

const result = (j: Judged) => (j.met === null ? "—" : j.met ? "met" : "**MISSED**");

export function tableLines(rows: Judged[], markdown: boolean): string[] {
  const head = ["measure", "n", "median", "worst", "plain TipTap", "ratio", "target", "result"];
  const body = rows.map((j) => [
    j.measure + (j.note && markdown ? ` (${j.note})` : ""),
    String(j.samples.length),
    fmt(j.median, j.unit),
    fmt(j.worst, j.unit),
    fmt(j.baseMedian, j.unit),
    j.ratio === null ? "—" : `${j.ratio.toFixed(2)}×`,
    j.target ? `${j.target.text} (${j.target.on})` : "—",
    markdown ? result(j) : result(j).replace(/\*/g, ""),
  ]);
  if (markdown) return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...body.map((r) => `| ${r.join(" | ")} |`)];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
}

export function printTable(rows: Judged[]) {
  let section = "";
  for (const j of rows) {
    if (j.section !== section) {
      section = j.section;
      console.log(`\n${section}`);
      console.log(
        tableLines(
          rows.filter((r) => r.section === section),
          false,
        ).join("\n"),
      );
    }
  }
}

export function writeReport(file: string, opts: { header: string[]; rows: Judged[]; footer: string[] }) {
  const lines = [...opts.header];
  const missed = opts.rows.filter((j) => j.met === false);
  lines.push("## Summary", "");
  if (missed.length === 0) lines.push("Every target was met in this run.");
  else {
    lines.push(`**${missed.length} of ${opts.rows.filter((j) => j.met !== null).length} targets were MISSED in this run:**`, "");
    for (const j of missed) {
      const value = j.target!.ratio ? `${j.ratio!.toFixed(2)}× plain TipTap` : fmt(j.target!.on === "worst" ? j.worst : j.median, j.unit);
      lines.push(`- ${j.section} — ${j.measure}: ${j.target!.on} ${value}, target ${j.target!.text}`);
    }
  }
  lines.push("");
  let section = "";
  for (const j of opts.rows) {
    if (j.section === section) continue;
    section = j.section;
    lines.push(
      `## ${section}`,
      "",
      ...tableLines(
        opts.rows.filter((r) => r.section === section),
        true,
      ),
      "",
    );
  }
  lines.push(...opts.footer);
  lines.push("## Raw samples", "", "In the order measured (real pages and plain TipTap alternate round by round; pair them by position).", "");
  section = "";
  for (const j of opts.rows) {
    if (j.section !== section) {
      section = j.section;
      lines.push(`- ${section}`);
    }
    const list = (xs: number[]) => xs.map((x) => (j.unit === "MB" ? x.toFixed(1) : x < 100 ? x.toFixed(1) : String(Math.round(x)))).join(", ");
    lines.push(`  - ${j.measure} (${j.unit}): ${list(j.samples)}${j.baseline?.length ? `; plain TipTap: ${list(j.baseline)}` : ""}`);
  }
  writeSection(file, "bench", lines.join("\n"));
}
