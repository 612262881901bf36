/** The import summary as lines of text (CLI). */
import type { ImportSummary } from "./run-import";

export function printSummary(s: Partial<ImportSummary>, out: (line: string) => void) {
  if (s.documents !== undefined) {
    out(
      `imported ${s.documents} document${s.documents === 1 ? "" : "s"} with ${s.spans ?? 0} span${s.spans === 1 ? "" : "s"} into project ${s.project?.slug} (${s.format}, offsets ${s.offsets}, layer ${s.layer})`,
    );
  }
  if (s.labelsCreated?.length) out(`created labels: ${s.labelsCreated.join(", ")}`);
  for (const d of s.duplicates ?? []) out(`line ${d.line}: skipped, ${d.message}`);
  for (const e of s.errors ?? []) out(`line ${e.line}: error: ${e.message}`);
  if (s.errorCount && s.errors && s.errorCount > s.errors.length) out(`… and ${s.errorCount - s.errors.length} more errors`);
}
