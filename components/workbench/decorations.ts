/**
 * What the document view draws, as decoration specs: pure functions of the
 * layers, the drawn window (code points near the viewport, see viewport.ts),
 * the label colours and the text's position mapping. Only what meets the
 * window is drawn, so the cost follows the screen, not the document.
 */
import type { TextIndex } from "@/lib/text/offsets";
import type { DecorationSpec } from "./annotation-plugin";
import { stackDepths } from "./layout-spans";
import { inWindow } from "./viewport";
import type { LocalAnnotation, OverlaySpan, Span } from "./types";
import type { Mark } from "./workbench-context";

const GREY = "#6b7280";

type Positions = Pick<TextIndex, "cpToPm" | "slice">;

/** The edited layer and the layers drawn underneath it, stacked so overlapping spans stay apart. */
export function spanSpecs(opts: {
  spans: readonly LocalAnnotation[];
  overlays: readonly OverlaySpan[];
  window: Span;
  colors: ReadonlyMap<string, string>;
  index: Positions;
  /** each label's description (from the guidelines), added to the span's hover text */
  descriptions?: ReadonlyMap<string, string>;
}): { own: DecorationSpec[]; overlays: DecorationSpec[] } {
  const { window, colors, index } = opts;
  const about = (label: string) => {
    const d = opts.descriptions?.get(label)?.trim();
    return d ? `\n${label}: ${d}` : "";
  };
  const spans = opts.spans.filter((a) => inWindow(a, window));
  const overlays = opts.overlays.filter((o) => inWindow(o, window));
  const depths = stackDepths<Span>([...spans, ...overlays]);
  const style = (s: Span & { label: string }) => `--c:${colors.get(s.label) ?? GREY};--d:${depths.get(s) ?? 0}`;
  return {
    overlays: overlays.map((o) => ({
      key: o.id,
      from: index.cpToPm(o.start),
      to: index.cpToPm(o.end),
      attrs: {
        class: `ann overlay${o.disputed ? " disputed" : ""}`,
        style: style(o),
        "data-overlay-id": o.id,
        title: `${o.layerName} · ${o.label}: ${index.slice(o.start, o.end)}${o.disputed ? " (disagreement)" : ""}${about(o.label)}`,
      },
    })),
    own: spans.map((a) => ({
      key: a.id,
      from: index.cpToPm(a.start),
      to: index.cpToPm(a.end),
      attrs: {
        class: a.version === 0 ? "ann unsaved" : "ann",
        style: style(a),
        "data-ann-id": a.id,
        "data-label": a.label,
        title: `${a.label}: ${a.text}${about(a.label)}`,
      },
    })),
  };
}

/** The label's name after each span of the edited layer in the window (the compact view draws none). */
export function tagSpecs(spans: readonly LocalAnnotation[], window: Span, colors: ReadonlyMap<string, string>, index: Positions): DecorationSpec[] {
  return spans
    .filter((a) => inWindow(a, window))
    .map((a) => ({
      key: `${a.id}:tag`,
      from: index.cpToPm(a.end),
      to: index.cpToPm(a.end),
      attrs: { class: "ann-tag", "data-tag": a.label, style: `--c:${colors.get(a.label) ?? GREY}` },
      widget: true,
    }));
}

/** A panel's marks that meet the window. */
export function markSpecs(key: string, marks: readonly Mark[], window: Span, index: Positions): DecorationSpec[] {
  return marks
    .filter((m) => inWindow(m, window))
    .map((m) => ({
      key: m.id,
      from: index.cpToPm(m.start),
      to: index.cpToPm(m.end),
      attrs: {
        class: `mark ${m.className}`,
        "data-mark-key": key,
        "data-mark-id": m.id,
        ...(m.title ? { title: m.title } : {}),
        ...(m.tag ? { "data-tag": m.tag } : {}),
      },
    }));
}

/** One range drawn with a class (the keyboard cursor, the pending selection); drawn wherever it is. */
export function rangeSpecs(range: Span | null, className: string, index: Positions): DecorationSpec[] {
  return range && range.end > range.start
    ? [{ key: className, from: index.cpToPm(range.start), to: index.cpToPm(range.end), attrs: { class: className } }]
    : [];
}
