"use client";
/** Sends one annotator's layer back with a comment they will see on their document, optionally pointing at some of its spans. */
import { useId, useMemo, useState } from "react";
import { Combobox, type ComboboxItem } from "@/components/ui/combobox";
import { useWorkbench } from "@/components/workbench/workbench-context";
import { useReviewAction } from "./use-review-action";

type LayerSpan = { id: string; start: number; end: number; label: string };
type Shown = LayerSpan & { text: string; disputed: boolean };

const OPTIONS = 8;

type Props = {
  layerId: string;
  name: string;
  /** the layer's spans, any of which the comment may point at */
  spans: LayerSpan[];
  /** spans in open disagreements: offered first */
  disputed: ReadonlySet<string>;
  onChanged: () => void;
};

export function SendBack({ layerId, name, spans, disputed, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const [pointed, setPointed] = useState<Shown[]>([]);
  const [query, setQuery] = useState("");
  const { index } = useWorkbench();
  const action = useReviewAction(onChanged);
  const id = useId();
  const options = useMemo<ComboboxItem<Shown>[]>(() => {
    const q = query.trim().toLowerCase();
    const chosen = new Set(pointed.map((p) => p.id));
    const found: Shown[] = [];
    // disputed spans first, then the rest in text order; stop once the list is full
    for (const first of [true, false]) {
      for (const s of spans) {
        if (found.length >= OPTIONS) break;
        if (chosen.has(s.id) || disputed.has(s.id) !== first) continue;
        const text = index.slice(s.start, s.end);
        if (q && !text.toLowerCase().includes(q) && !s.label.toLowerCase().includes(q)) continue;
        found.push({ ...s, text, disputed: first });
      }
    }
    return found.map((s) => ({
      key: s.id,
      value: s,
      content: (
        <span>
          “{s.text}” <span className="chip-label">{s.label}</span>
          {s.disputed && <span className="muted small"> · disputed</span>}
        </span>
      ),
    }));
  }, [query, pointed, spans, disputed, index]);

  if (!open) {
    return (
      <button className="link" onClick={() => setOpen(true)}>
        Send back…
      </button>
    );
  }
  return (
    <form
      className="send-back"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(`/api/v1/layers/${layerId}/reject`, { comment, spanIds: pointed.map((p) => p.id) })) setOpen(false);
      }}
    >
      <label htmlFor={id} className="small">
        What should {name} fix?
      </label>
      <textarea id={id} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} required maxLength={4000} autoFocus />
      <Combobox
        label={`Point at a span of ${name}'s layer`}
        caption="Point at spans (optional)"
        query={query}
        onQueryChange={setQuery}
        items={options}
        onPick={(s) => {
          setPointed((p) => [...p, s]);
          setQuery("");
        }}
        placeholder="Type a word or a label"
        empty="No span matches"
      />
      {pointed.length > 0 && (
        <ul className="pointed-spans small" aria-label="Spans the comment points at">
          {pointed.map((s) => (
            <li key={s.id}>
              “{s.text}” <span className="chip-label">{s.label}</span>{" "}
              <button
                type="button"
                className="link"
                aria-label={`Stop pointing at “${s.text}”`}
                onClick={() => setPointed((p) => p.filter((x) => x.id !== s.id))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="submit" className="danger" disabled={action.busy || !comment.trim()}>
        Send back
      </button>{" "}
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {action.error && (
        <p className="small error" role="alert">
          {action.error}
        </p>
      )}
    </form>
  );
}
