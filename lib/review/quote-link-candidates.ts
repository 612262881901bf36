/**
 * Quote links in review: a QUOTE span of an annotator's layer that points at
 * a cue and/or a speaker span is one link. Links are compared by what they
 * point at (offsets and label of the quote, the cue and the speaker), since
 * span ids differ between layers. A link every compared layer drew is
 * agreed. Gold decides: its copy of the quote carries this link (in gold),
 * another one (overruled), none (rejected). Pure: no database here.
 */
import { spanKey } from "./candidates";

export type LinkSpan = { id: string; start: number; end: number; label: string; text: string };
export type LinkedSpan = LinkSpan & { quoteCueId: string | null; quoteSpeakerId: string | null; reviewState?: string };
export type ReviewLayerLinks = { layerId: string; spans: LinkedSpan[] };

export type QuoteLinkSupport = { layerId: string; annotationId: string; reviewState: string };
export type QuoteLinkState = "in-gold" | "overruled" | "rejected" | "open";
export type QuoteLinkCandidate = {
  key: string;
  quote: Omit<LinkSpan, "id">;
  cue: Omit<LinkSpan, "id"> | null;
  speaker: Omit<LinkSpan, "id"> | null;
  support: QuoteLinkSupport[];
  agreed: boolean;
  state: QuoteLinkState;
  /** the gold copy of the quote span, if any */
  goldQuoteId: string | null;
};

const strip = ({ id: _id, ...rest }: LinkSpan) => rest;
const keyOf = (s: { start: number; end: number; label: string } | null | undefined) => (s ? spanKey(s) : "-");

/** The link of a QUOTE span as a key of what it points at ("quote|cue|speaker"), or null without links. */
export function linkKey(quote: LinkedSpan, byId: Map<string, LinkSpan>): string | null {
  if (!quote.quoteCueId && !quote.quoteSpeakerId) return null;
  const cue = quote.quoteCueId ? byId.get(quote.quoteCueId) : null;
  const speaker = quote.quoteSpeakerId ? byId.get(quote.quoteSpeakerId) : null;
  return `${spanKey(quote)}|${keyOf(cue)}|${keyOf(speaker)}`;
}

export function groupQuoteLinkCandidates(layers: ReviewLayerLinks[], gold: LinkedSpan[], quoteLabels: ReadonlySet<string>): QuoteLinkCandidate[] {
  const goldById = new Map(gold.map((g) => [g.id, g]));
  const goldQuotes = new Map<string, LinkedSpan>();
  for (const g of gold) if (quoteLabels.has(g.label) && !goldQuotes.has(spanKey(g))) goldQuotes.set(spanKey(g), g);
  const byKey = new Map<string, QuoteLinkCandidate>();
  for (const layer of layers) {
    const byId = new Map(layer.spans.map((s) => [s.id, s]));
    const seen = new Set<string>();
    for (const q of layer.spans) {
      if (!quoteLabels.has(q.label)) continue;
      const key = linkKey(q, byId);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let c = byKey.get(key);
      if (!c) {
        const cue = q.quoteCueId ? byId.get(q.quoteCueId) : undefined;
        const speaker = q.quoteSpeakerId ? byId.get(q.quoteSpeakerId) : undefined;
        const goldQuote = goldQuotes.get(spanKey(q));
        c = {
          key,
          quote: strip(q),
          cue: cue ? strip(cue) : null,
          speaker: speaker ? strip(speaker) : null,
          support: [],
          agreed: false,
          state: "open",
          goldQuoteId: goldQuote?.id ?? null,
        };
        byKey.set(key, c);
      }
      c.support.push({ layerId: layer.layerId, annotationId: q.id, reviewState: q.reviewState ?? "PENDING" });
    }
  }
  const list = [...byKey.values()];
  for (const c of list) {
    c.agreed = layers.length > 0 && c.support.length === layers.length;
    const goldQuote = c.goldQuoteId ? goldById.get(c.goldQuoteId)! : null;
    const goldKey = goldQuote ? linkKey(goldQuote, goldById) : null;
    if (goldKey === c.key) c.state = "in-gold";
    else if (goldKey) c.state = "overruled";
    else if (goldQuote || c.support.every((s) => s.reviewState === "REJECTED")) c.state = "rejected";
    else c.state = "open";
  }
  return list.sort((a, b) => a.quote.start - b.quote.start || b.quote.end - a.quote.end || a.key.localeCompare(b.key));
}
