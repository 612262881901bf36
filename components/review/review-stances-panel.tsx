"use client";
/**
 * Review: the annotators' stances side by side per holder → target, and
 * their quote links per quote, agreement marked, each accepted into gold or
 * rejected by click or by keys (as the span disagreements: ↑/↓ or j/k
 * choose, a accepts, r rejects).
 */
import { useState } from "react";
import type { ReviewStancesData } from "@/lib/review/review-stances";
import { stanceCandidateState, stanceEntryState, type StanceCandidate, type StanceEntry } from "@/lib/review/stance-candidates";
import type { QuoteLinkCandidate } from "@/lib/review/quote-link-candidates";
import { useReviewAction } from "./use-review-action";
import { useWorkbench } from "@/components/workbench/workbench-context";

type Props = { data: ReviewStancesData };

const STATE_TEXT = { "in-gold": "in gold", overruled: "gold decided otherwise", rejected: "rejected", open: "open" } as const;
const AGREEMENT_TEXT = { agreed: "agreed", disagreed: "disagreement", single: "one annotator" } as const;
const percent = (x: number) => `${Math.round(x * 100)}%`;

/** Keys for a list of items that can be accepted or rejected, as on the span disagreements. */
function useDecisionKeys<T>(items: T[], decide: (item: T, verb: "accept" | "reject") => void, disabled: boolean) {
  const [active, setActive] = useState(0);
  const current = items.length ? items[Math.min(active, items.length - 1)] : undefined;
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || current === undefined) return;
    const step = e.key === "ArrowDown" || e.key === "j" ? 1 : e.key === "ArrowUp" || e.key === "k" ? -1 : 0;
    if (step) {
      e.preventDefault();
      setActive((i) => Math.max(0, Math.min(items.length - 1, Math.min(i, items.length - 1) + step)));
    } else if ((e.key === "a" || e.key === "r") && !disabled) {
      e.preventDefault();
      decide(current, e.key === "a" ? "accept" : "reject");
    }
  };
  return { current, setActive, onKeyDown };
}

export function ReviewStancesPanel({ data }: Props) {
  const wb = useWorkbench();
  // accepting copies spans into gold (evidence, cue, speaker): the workbench catches up with them
  const action = useReviewAction(() => void wb.catchUp());
  const approved = data.goldStatus === "APPROVED";
  const names = new Map(data.layers.map((l) => [l.id, l.name]));
  const entries = data.stances.flatMap((c) => c.entries.map((e) => ({ c, e })));
  const decideStance = ({ e }: { e: StanceEntry }, verb: "accept" | "reject") =>
    void action.run(`/api/v1/stances/${e.id}/${verb}`, {}, () => (verb === "accept" ? "Stance accepted into gold." : "Stance kept out of gold."));
  const stanceKeys = useDecisionKeys(entries, decideStance, approved || action.busy);
  const decideLink = (l: QuoteLinkCandidate, verb: "accept" | "reject") =>
    void action.run(`/api/v1/annotations/${l.support[0].annotationId}/quote/${verb}`, {}, () =>
      verb === "accept" ? "Quote link accepted into gold." : "Quote link kept out of gold.",
    );
  const linkKeys = useDecisionKeys(data.quoteLinks, decideLink, approved || action.busy);
  const openStances = data.stances.filter((c) => stanceCandidateState(c) === "open").length;
  const openLinks = data.quoteLinks.filter((l) => l.state === "open").length;

  return (
    <section className="panel review-stances" aria-labelledby="review-stances-h">
      <h2 id="review-stances-h">
        Stances <span className="count">{openStances} open</span>
      </h2>
      {data.stances.length === 0 ? (
        <p className="muted small">No submitted layer states a stance on this document.</p>
      ) : (
        <div
          className="candidates-keys"
          tabIndex={0}
          role="group"
          aria-label="Stances: ↑ and ↓ choose, a accepts into gold, r rejects"
          aria-keyshortcuts="ArrowUp ArrowDown a r"
          onKeyDown={stanceKeys.onKeyDown}
        >
          <ul className="stance-candidates" data-testid="stance-candidates">
            {data.stances.map((c) => (
              <StanceGroup
                key={c.key}
                c={c}
                names={names}
                approved={approved}
                busy={action.busy}
                active={stanceKeys.current?.e.id}
                onPick={(e) => stanceKeys.setActive(entries.findIndex((x) => x.e.id === e.id))}
                onDecide={(e, verb) => decideStance({ e }, verb)}
              />
            ))}
          </ul>
        </div>
      )}

      <h2 id="review-quote-links-h">
        Quote links <span className="count">{openLinks} open</span>
      </h2>
      {data.quoteLinks.length === 0 ? (
        <p className="muted small">No submitted layer links a quote to its cue or speaker.</p>
      ) : (
        <div
          className="candidates-keys"
          tabIndex={0}
          role="group"
          aria-label="Quote links: ↑ and ↓ choose, a accepts into gold, r rejects"
          aria-keyshortcuts="ArrowUp ArrowDown a r"
          onKeyDown={linkKeys.onKeyDown}
        >
          <ul className="quote-link-candidates" data-testid="quote-link-candidates">
            {data.quoteLinks.map((l, i) => (
              <li
                key={l.key}
                className={`candidate ${l.state}${l === linkKeys.current ? " active" : ""}`}
                data-state={l.state}
                aria-current={l === linkKeys.current ? "true" : undefined}
                onClick={() => linkKeys.setActive(i)}
              >
                <div className="candidate-text">
                  <span className="chip">{l.quote.label}</span> <span className="ann-text">{l.quote.text}</span>
                </div>
                <div className="small">
                  cue: {l.cue ? <q>{l.cue.text}</q> : <span className="muted">none</span>} · speaker:{" "}
                  {l.speaker ? (
                    <>
                      <q>{l.speaker.text}</q> <span className="muted">({l.speaker.label})</span>
                    </>
                  ) : (
                    <span className="muted">none</span>
                  )}
                </div>
                <div className="small muted">
                  {l.support.map((s) => names.get(s.layerId)).join(", ")}
                  {l.agreed ? <strong className="ok"> · agreed</strong> : <strong className="disagree"> · disagreement</strong>}
                  {l.state !== "open" && <strong className={l.state === "in-gold" ? "ok" : "muted"}> · {STATE_TEXT[l.state]}</strong>}
                </div>
                {!approved && (
                  <div className="candidate-actions">
                    <button
                      disabled={action.busy || l.state === "in-gold"}
                      onClick={() => decideLink(l, "accept")}
                      aria-label={`Accept the link of quote “${l.quote.text}” into gold`}
                    >
                      Accept
                    </button>
                    <button
                      className="danger"
                      disabled={action.busy || !l.goldQuoteId || l.state !== "in-gold"}
                      title={l.goldQuoteId ? undefined : "Gold has no copy of this quote yet"}
                      onClick={() => decideLink(l, "reject")}
                      aria-label={`Reject the link of quote “${l.quote.text}”`}
                    >
                      Reject
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {action.message && (
        <p className="small ok" role="status">
          {action.message}
        </p>
      )}
      {action.error && (
        <p className="small error" role="alert">
          {action.error}
        </p>
      )}
    </section>
  );
}

function StanceGroup(props: {
  c: StanceCandidate;
  names: Map<string, string>;
  approved: boolean;
  busy: boolean;
  active: string | undefined;
  onPick: (e: StanceEntry) => void;
  onDecide: (e: StanceEntry, verb: "accept" | "reject") => void;
}) {
  const { c, names, approved, busy, active } = props;
  return (
    <li className={`stance-group ${c.agreement}`} data-agreement={c.agreement}>
      <div className="stance-pair">
        <strong>{c.holder.name}</strong> → {c.target.text}{" "}
        <span className={`small ${c.agreement === "disagreed" ? "disagree" : c.agreement === "agreed" ? "ok" : "muted"}`}>{AGREEMENT_TEXT[c.agreement]}</span>
        {c.gold && <span className="small ok"> · gold: {c.gold.polarity.toLowerCase()}</span>}
      </div>
      <ul className="stance-entries">
        {c.entries.map((e) => {
          const state = stanceEntryState(c, e);
          return (
            <li
              key={e.id}
              className={`candidate ${state}${e.id === active ? " active" : ""}`}
              data-state={state}
              data-testid="stance-entry"
              aria-current={e.id === active ? "true" : undefined}
              onClick={() => props.onPick(e)}
            >
              <div className="candidate-text">
                <span className="small muted">{names.get(e.layerId)}</span>
                <span className={`chip polarity-${e.polarity.toLowerCase()}`}>{e.polarity.toLowerCase()}</span>
                <span className="small">confidence {percent(e.confidence)}</span>
                {state !== "open" && <strong className={`small ${state === "in-gold" ? "ok" : "muted"}`}>{STATE_TEXT[state]}</strong>}
              </div>
              <div className="small stance-evidence">
                {e.documentLevel && e.evidence.length === 0 ? (
                  <span className="muted">the document as a whole</span>
                ) : (
                  e.evidence.map((ev) => <q key={ev.annotationId}>{ev.text}</q>)
                )}
                {e.note && <span className="muted"> — {e.note}</span>}
              </div>
              {!approved && (
                <div className="candidate-actions">
                  <button
                    disabled={busy || state === "in-gold"}
                    onClick={() => props.onDecide(e, "accept")}
                    aria-label={`Accept ${names.get(e.layerId)}'s stance ${e.polarity.toLowerCase()} into gold`}
                  >
                    Accept
                  </button>
                  <button
                    className="danger"
                    disabled={busy || state === "rejected"}
                    onClick={() => props.onDecide(e, "reject")}
                    aria-label={`Reject ${names.get(e.layerId)}'s stance ${e.polarity.toLowerCase()}`}
                  >
                    Reject
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
