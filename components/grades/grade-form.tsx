"use client";
/** One Admiralty grade: reliability A–F, credibility 1–6 (with their meanings), a rationale; MISP tags read-only beneath. */
import { useId, useState } from "react";
import { CREDIBILITY, RELIABILITY, mispTags } from "@/lib/grades/admiralty";
import type { GradeView } from "@/lib/grades/grade-view";
import { useOnChange } from "@/components/ui/use-on-change";
import { requestJson } from "@/components/api/client";

type Props = {
  documentId: string;
  /** the graded thing: the outlet (null) or a cited-source span */
  annotationId: string | null;
  layer: "own" | "gold";
  grade: GradeView | null;
  locked: boolean;
  /** shown before saving when credibility 1 is chosen (the client already knows it rests on syndicated copies) */
  syndicated: boolean;
  onSaved(grade: GradeView): void;
  testId: string;
};

const WARNING = "Only syndicated copies of the same wire text corroborate this; credibility 1 needs independent sources";

export function GradeForm({ documentId, annotationId, layer, grade, locked, syndicated, onSaved, testId }: Props) {
  const id = useId();
  const [reliability, setReliability] = useState(grade?.reliability ?? "");
  const [credibility, setCredibility] = useState(grade ? String(grade.credibility) : "");
  const [rationale, setRationale] = useState(grade?.rationale ?? "");
  const [state, setState] = useState<{ phase: "idle" | "saving" | "saved" | "error"; message?: string; warning?: string | null }>({ phase: "idle" });

  // The form follows the saved grade whenever it changes (saved here, in another tab, or by a reviewer).
  const savedReliability = grade?.reliability ?? "";
  const savedCredibility = grade ? String(grade.credibility) : "";
  const savedRationale = grade?.rationale ?? "";
  useOnChange(`${savedReliability}|${savedCredibility}|${savedRationale}`, () => {
    setReliability(savedReliability);
    setCredibility(savedCredibility);
    setRationale(savedRationale);
  });

  const complete = reliability !== "" && credibility !== "";
  const dirty = !grade || grade.reliability !== reliability || String(grade.credibility) !== credibility || grade.rationale !== rationale;
  const tags = complete ? mispTags({ reliability, credibility: Number(credibility) }) : [];
  const warning = state.warning ?? (credibility === "1" && syndicated ? WARNING : null);

  async function save() {
    setState({ phase: "saving" });
    const body = { reliability, credibility: Number(credibility), rationale };
    const res = await requestJson<{ grade: GradeView; warning?: string }>(
      grade ? `/api/v1/grades/${grade.id}` : `/api/v1/documents/${documentId}/grades?layer=${layer}`,
      {
        method: grade ? "PATCH" : "POST",
        body: grade ? { ...body, version: grade.version } : { ...body, annotationId },
      },
    );
    if (!res.ok) return setState({ phase: "error", message: res.error });
    onSaved(res.data.grade);
    setState({ phase: "saved", warning: res.data.warning });
  }

  return (
    <form
      className="grade-form"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        if (complete && dirty) void save();
      }}
    >
      <div className="grade-selects">
        <label htmlFor={`${id}-r`}>Reliability</label>
        <select id={`${id}-r`} value={reliability} disabled={locked} onChange={(e) => setReliability(e.target.value)}>
          <option value="">–</option>
          {RELIABILITY.map((r) => (
            <option key={r.code} value={r.code}>
              {r.code} — {r.meaning}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-c`}>Credibility</label>
        <select id={`${id}-c`} value={credibility} disabled={locked} onChange={(e) => setCredibility(e.target.value)}>
          <option value="">–</option>
          {CREDIBILITY.map((c) => (
            <option key={c.code} value={String(c.code)}>
              {c.code} — {c.meaning}
            </option>
          ))}
        </select>
      </div>
      <label htmlFor={`${id}-why`} className="small">
        Rationale
      </label>
      <textarea id={`${id}-why`} rows={2} value={rationale} disabled={locked} maxLength={4000} onChange={(e) => setRationale(e.target.value)} />
      {warning && (
        <p className="grade-warning small" role="status">
          {warning}
        </p>
      )}
      <div className="grade-actions">
        <button type="submit" disabled={locked || !complete || !dirty || state.phase === "saving"}>
          {state.phase === "saving" ? "Saving…" : grade ? "Update grade" : "Save grade"}
        </button>
        {state.phase === "saved" && !dirty && <span className="muted small">Saved</span>}
        {grade && grade.reviewState !== "PENDING" && <span className="status small">{grade.reviewState.toLowerCase()}</span>}
      </div>
      {state.phase === "error" && (
        <p className="error small" role="alert">
          {state.message}
        </p>
      )}
      {tags.length > 0 && (
        <ul className="misp-tags" aria-label="MISP machine tags">
          {tags.map((t) => (
            <li key={t}>
              <code>{t}</code>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
