"use client";
/**
 * The annotation workbench: the document with the annotator's layer, a label
 * picker driven by hotkeys 1–9, keyboard-only selection by words, and the
 * save state always in view.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { Editor } from "@tiptap/react";
import { TextIndex } from "@/lib/text/offsets";
import { lastAtOrBefore } from "@/lib/text/sorted-search";
import { snapToWords, trimRange, wordAt, wordRanges } from "@/lib/text/words";
import type { LabelView } from "@/lib/projects/list-labels";
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import { DocumentView } from "./document-view";
import { useAnnotations } from "./use-annotations";
import { stackDepths } from "./layout-spans";
import { SaveStatus } from "./save-status";
import { LabelPicker } from "./label-picker";
import { AnnotationPopover } from "./annotation-popover";
import type { DecorationSpec } from "./annotation-plugin";
import { SubmitLayer } from "./submit-layer";
import { WorkbenchContext, type Mark, type WorkbenchApi } from "./workbench-context";
import { INITIAL_WINDOW_CP, inWindow, lineRange, linesMeeting } from "./viewport";
import type { LocalAnnotation, OverlaySpan, Span, WorkbenchDocument } from "./types";
import type { DeliveredDocumentEvent } from "@/lib/realtime/events";
import { isEditedLayerEvent, useLiveDocument } from "./use-live-document";
import { PresenceBar } from "./presence-bar";

type Props = {
  document: WorkbenchDocument;
  labels: LabelView[];
  initialAnnotations: LocalAnnotation[];
  layerStatus: string;
  /** the layer this page edits: the annotator's own, or gold on the review page */
  target?: LayerTarget;
  /** other layers' spans, shown read-only under the edited layer */
  overlays?: OverlaySpan[];
  /** under the title: review feedback, notices */
  banner?: ReactNode;
  /** beside the title: presence, links */
  headerExtra?: ReactNode;
  /** top of the side pane: the review panel */
  aside?: ReactNode;
  /** bump to reload the edited layer from the server (after a review action changed it) */
  resyncSignal?: number;
  /** live events this tab does not apply to its edited layer itself: other layers' annotations, layer status changes */
  onOtherLayerEvent?: (event: DeliveredDocumentEvent) => void;
};

export function Workbench({ document: doc, labels, initialAnnotations, layerStatus, target = "own", overlays = [], banner, headerExtra, aside, resyncSignal = 0, onOtherLayerEvent }: Props) {
  const index = useMemo(() => new TextIndex(doc.text), [doc.text]);
  const words = useMemo(() => wordRanges(index), [index]);
  const lineStarts = useMemo(() => {
    const starts = [0];
    Array.from(doc.text).forEach((ch, i) => ch === "\n" && starts.push(i + 1));
    return starts;
  }, [doc.text]);
  const layer = useAnnotations({ documentId: doc.id, target, index, initial: initialAnnotations });
  const router = useRouter();
  const [liveTick, setLiveTick] = useState(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Other layers and layer states come from the server page: re-render it, a burst of events at a time.
  const refreshSoon = useCallback(() => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      router.refresh();
      void layer.catchUp();
    }, 250);
  }, [router, layer]);
  const live = useLiveDocument({
    documentId: doc.id,
    onEvent: (e, selfId) => {
      setLiveTick((n) => n + 1);
      if (isEditedLayerEvent(e, selfId, target)) layer.applyRemote(e);
      else (onOtherLayerEvent ?? refreshSoon)(e);
    },
    onReconnect: () => void layer.catchUp(),
  });
  const [editor, setEditor] = useState<Editor | null>(null);
  const [selection, setSelection] = useState<Span | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const anchor = useRef<number | null>(null);
  const [snap, setSnap] = useState(true);
  const [popover, setPopover] = useState<{ ids: string[]; x: number; y: number } | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [marks, setMarksState] = useState<Map<string, Mark[]>>(new Map());
  const [activeMark, setActiveMark] = useState<{ key: string; id: string } | null>(null);
  const setMarks = useCallback((key: string, list: Mark[]) => {
    setMarksState((m) => {
      if ((m.get(key) ?? []).length === 0 && list.length === 0) return m;
      const next = new Map(m);
      next.set(key, list);
      return next;
    });
  }, []);
  const surface = useRef<HTMLDivElement>(null);
  const pane = useRef<HTMLElement>(null);
  // Annotations are drawn within a screen of the viewport only (components/workbench/viewport.ts).
  const [drawn, setDrawn] = useState<Span>({ start: 0, end: INITIAL_WINDOW_CP });
  const measureFrame = useRef<number | null>(null);
  const measureDrawn = useCallback(() => {
    if (measureFrame.current !== null) return;
    measureFrame.current = requestAnimationFrame(() => {
      measureFrame.current = null;
      const scroller = pane.current;
      if (!editor || editor.isDestroyed || !scroller) return;
      const lines = editor.view.dom.children;
      const top = scroller.getBoundingClientRect().top;
      const box = (i: number) => {
        const r = lines[i].getBoundingClientRect();
        return { top: r.top - top, bottom: r.bottom - top };
      };
      const found = linesMeeting(lines.length, box, -scroller.clientHeight, 2 * scroller.clientHeight);
      if (!found) return;
      const next = lineRange(lineStarts, index.length, found[0], found[1]);
      setDrawn((prev) => (prev.start === next.start && prev.end === next.end ? prev : next));
    });
  }, [editor, lineStarts, index]);
  useEffect(() => {
    measureDrawn();
    window.addEventListener("resize", measureDrawn);
    return () => window.removeEventListener("resize", measureDrawn);
  }, [measureDrawn]);
  const colors = useMemo(() => new Map(labels.map((l) => [l.name, l.color])), [labels]);
  const locked = layerStatus === "SUBMITTED" || layerStatus === "APPROVED";

  const { catchUp } = layer;
  useEffect(() => {
    if (resyncSignal > 0) void catchUp();
  }, [resyncSignal, catchUp]);

  const sorted = useMemo(
    () => [...layer.annotations.values()].sort((a, b) => a.start - b.start || b.end - a.end),
    [layer.annotations],
  );

  const decorations = useMemo<DecorationSpec[]>(() => {
    const depths = stackDepths<Span>([...sorted, ...overlays]);
    const panelMarks: DecorationSpec[] = [...marks.entries()].flatMap(([key, list]) =>
      list.map((m) => ({
        from: index.cpToPm(m.start),
        to: index.cpToPm(m.end),
        attrs: { class: `mark ${m.className}`, "data-mark-key": key, "data-mark-id": m.id, ...(m.title ? { title: m.title } : {}) },
      })),
    );
    const specs: DecorationSpec[] = overlays.filter((o) => inWindow(o, drawn)).map((o) => ({
      from: index.cpToPm(o.start),
      to: index.cpToPm(o.end),
      attrs: {
        class: `ann overlay${o.disputed ? " disputed" : ""}`,
        style: `--c:${colors.get(o.label) ?? "#6b7280"};--d:${depths.get(o) ?? 0}`,
        "data-overlay-id": o.id,
        title: `${o.layerName} · ${o.label}: ${o.text}${o.disputed ? " (disagreement)" : ""}`,
      },
    }));
    specs.push(...sorted.filter((a) => inWindow(a, drawn)).map((a) => ({
      from: index.cpToPm(a.start),
      to: index.cpToPm(a.end),
      attrs: {
        class: a.version === 0 ? "ann unsaved" : "ann",
        style: `--c:${colors.get(a.label) ?? "#6b7280"};--d:${depths.get(a) ?? 0}`,
        "data-ann-id": a.id,
        "data-label": a.label,
        title: `${a.label}: ${a.text}`,
      },
    })));
    specs.unshift(...panelMarks);
    if (cursor !== null && words[cursor]) {
      specs.push({ from: index.cpToPm(words[cursor].start), to: index.cpToPm(words[cursor].end), attrs: { class: "kbd-cursor" } });
    }
    if (selection) specs.push({ from: index.cpToPm(selection.start), to: index.cpToPm(selection.end), attrs: { class: "pending-selection" } });
    return specs;
  }, [sorted, overlays, marks, colors, index, cursor, words, selection, drawn]);

  useEffect(() => {
    surface.current?.querySelector(".kbd-cursor")?.scrollIntoView({ block: "nearest" });
  }, [cursor]);

  const applyLabel = useCallback(
    (label: string, span: Span | null) => {
      if (!span || locked) return;
      layer.add(span, label);
      setSelection(null);
      anchor.current = null;
    },
    [layer, locked],
  );

  const annotationsAt = useCallback(
    (offset: number) => sorted.filter((a) => a.start <= offset && offset < a.end).sort((a, b) => a.end - a.start - (b.end - b.start)),
    [sorted],
  );

  const lineStartAtOrBefore = (cp: number) => lineStarts[lastAtOrBefore(lineStarts, cp)];

  const moveCursor = (next: number, extend: boolean) => {
    if (!words.length) return;
    const target = Math.max(0, Math.min(words.length - 1, next));
    if (extend) {
      const from = anchor.current ?? cursor ?? target;
      anchor.current = from;
      const [a, b] = from <= target ? [from, target] : [target, from];
      setSelection({ start: words[a].start, end: words[b].end });
    } else {
      anchor.current = null;
      setSelection(null);
    }
    setCursor(target);
    setPopover(null);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) return;
    const cur = cursor ?? -1;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
      e.preventDefault();
      layer.undo();
      return;
    }
    if (/^[1-9]$/.test(e.key) && plain) {
      const label = labels.find((l) => l.hotkey === e.key);
      if (!label) return;
      e.preventDefault();
      if (popover && !selection) {
        layer.relabel(popover.ids[0], label.name);
        setPopover(null);
      } else applyLabel(label.name, selection ?? (cursor !== null ? words[cursor] : null));
      return;
    }
    switch (e.key) {
      case "ArrowRight":
        e.preventDefault();
        moveCursor(cursor === null ? 0 : cur + 1, e.shiftKey);
        break;
      case "ArrowLeft":
        e.preventDefault();
        moveCursor(cursor === null ? 0 : cur - 1, e.shiftKey);
        break;
      case "ArrowDown": {
        e.preventDefault();
        if (cursor === null) return moveCursor(0, false);
        const here = lineStartAtOrBefore(words[cur].start);
        const next = words.findIndex((w, i) => i > cur && lineStartAtOrBefore(w.start) !== here);
        if (next !== -1) moveCursor(next, e.shiftKey);
        break;
      }
      case "ArrowUp": {
        e.preventDefault();
        if (cursor === null) return moveCursor(0, false);
        const here = lineStartAtOrBefore(words[cur].start);
        let prev = cur - 1;
        while (prev >= 0 && lineStartAtOrBefore(words[prev].start) === here) prev--;
        if (prev >= 0) moveCursor(wordAt(words, lineStartAtOrBefore(words[prev].start)), e.shiftKey);
        break;
      }
      case "Home":
        e.preventDefault();
        moveCursor(0, e.shiftKey);
        break;
      case "End":
        e.preventDefault();
        moveCursor(words.length - 1, e.shiftKey);
        break;
      case "Enter":
        if (cursor !== null && !selection) {
          e.preventDefault();
          setSelection(words[cur]);
        }
        break;
      case "Delete":
      case "Backspace": {
        if (locked) return;
        const id = popover?.ids[0] ?? (cursor !== null ? annotationsAt(words[cur].start)[0]?.id : undefined);
        if (id) {
          e.preventDefault();
          layer.remove(id);
          setPopover(null);
        }
        break;
      }
      case "Escape":
        setSelection(null);
        setPopover(null);
        anchor.current = null;
        break;
      case "w":
        if (plain) setSnap((s) => !s);
        break;
      case "u":
        if (plain) layer.undo();
        break;
    }
  };

  const onMouseUp = (e: React.MouseEvent) => {
    if (!editor) return;
    const view = editor.view;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && sel.anchorNode && sel.focusNode && view.dom.contains(sel.anchorNode) && view.dom.contains(sel.focusNode)) {
      const a = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
      const b = view.posAtDOM(sel.focusNode, sel.focusOffset);
      const raw = { start: index.pmToCp(Math.min(a, b)), end: index.pmToCp(Math.max(a, b)) };
      const range = snap ? snapToWords(index, words, raw) : trimRange(index, raw);
      sel.removeAllRanges();
      setPopover(null);
      setSelection(range);
      if (range && words.length) setCursor(wordAt(words, range.start));
      anchor.current = null;
      surface.current?.focus({ preventScroll: true });
      return;
    }
    const ids: string[] = [];
    let mark: { key: string; id: string } | null = null;
    for (let el = e.target as HTMLElement | null; el && el !== view.dom; el = el.parentElement) {
      if (el.dataset.annId) ids.push(el.dataset.annId);
      if (!mark && el.dataset.markKey && el.dataset.markId) mark = { key: el.dataset.markKey, id: el.dataset.markId };
    }
    setSelection(null);
    setActiveMark(mark);
    if (ids.length) setFocusedId(ids[0]);
    setPopover(ids.length ? { ids, x: e.clientX, y: e.clientY } : null);
    surface.current?.focus({ preventScroll: true });
  };

  const pickerAnchor = selection && editor ? editor.view.coordsAtPos(index.cpToPm(selection.end)) : null;

  const api: WorkbenchApi = {
    documentId: doc.id,
    target,
    text: doc.text,
    index,
    locked,
    annotations: sorted,
    selection,
    clearSelection: () => setSelection(null),
    focused: focusedId ? (layer.annotations.get(focusedId) ?? null) : null,
    focus: setFocusedId,
    activeMark,
    addAnnotation: (span, label) => layer.add(span, label),
    catchUp: layer.catchUp,
    setMarks,
    liveTick,
  };

  return (
    <WorkbenchContext.Provider value={api}>
    <div className="workbench">
      <section className="doc-pane" ref={pane} onScroll={measureDrawn}>
        <header className="doc-header">
          <Link href="/" className="muted">
            ← Documents
          </Link>
          <div className="title-row">
            <h1>{doc.title}</h1>
            {headerExtra}
          </div>
          <p className="muted">{[doc.outlet, doc.byline, doc.publishedAt].filter(Boolean).join(" · ") || "No outlet, byline or date given"}</p>
          <PresenceBar {...live} />
        </header>
        {banner}
        {locked && (
          <p className="banner" data-testid="locked-banner">
            {target === "gold"
              ? "This document is approved; its gold layer is read-only."
              : `This layer is ${layerStatus.toLowerCase()}; it is read-only until a reviewer sends it back.`}
          </p>
        )}
        {layer.notice && (
          <p className="banner error" role="alert">
            {layer.notice} <button onClick={layer.dismissNotice}>Dismiss</button>
          </p>
        )}
        <div
          ref={surface}
          className="doc-surface"
          tabIndex={0}
          role="application"
          aria-label="Document text. Arrow keys move by word, Shift with arrows selects, 1 to 9 apply a label, Delete removes, Ctrl+Z undoes."
          aria-describedby="kbd-help"
          onKeyDown={onKeyDown}
          onMouseUp={onMouseUp}
          data-testid="document-surface"
        >
          <DocumentView text={doc.text} decorations={decorations} onReady={setEditor} />
        </div>
      </section>
      <aside className="side-pane" aria-label="Annotation tools">
        <SaveStatus state={layer.saveState} onRetry={layer.retryNow} onAcknowledge={layer.acknowledgeRefusals} />
        {target === "own" && <SubmitLayer documentId={doc.id} status={layerStatus} spans={sorted.length} pending={layer.saveState.phase !== "saved"} />}
        {aside}
        <div className="tools">
          <label className="toggle">
            <input type="checkbox" checked={snap} onChange={(e) => setSnap(e.target.checked)} /> Snap selections to words <kbd>w</kbd>
          </label>
          <button onClick={() => layer.undo()} title="Undo the last change (Ctrl+Z)">
            Undo <kbd>Ctrl+Z</kbd>
          </button>
        </div>
        <h2>Labels</h2>
        <ul className="legend">
          {labels.map((l) => (
            <li key={l.id} title={l.description}>
              <kbd>{l.hotkey ?? " "}</kbd>
              <span className="swatch" style={{ background: l.color }} aria-hidden />
              <span>{l.name}</span>
            </li>
          ))}
        </ul>
        <h2>
          {target === "gold" ? "Gold spans" : "My spans"} <span className="count">{sorted.length}</span>
        </h2>
        <ol className="ann-list" data-testid="annotation-list">
          {sorted.map((a) => (
            <li key={a.id}>
              <button
                className="ann-item"
                onClick={() => {
                  setCursor(wordAt(words, a.start));
                  setSelection(null);
                  surface.current?.focus();
                }}
              >
                <span className="chip" style={{ borderColor: colors.get(a.label) }}>
                  {a.label}
                </span>
                <span className="ann-text">{a.text}</span>
                {a.version === 0 && <span className="muted"> · unsaved</span>}
              </button>
            </li>
          ))}
        </ol>
        <p id="kbd-help" className="muted small">
          Select text with the mouse, or focus the text and use <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd> to move by word and{" "}
          <kbd>Shift</kbd> to extend. <kbd>1</kbd>–<kbd>9</kbd> apply a label, <kbd>Enter</kbd> selects the word, <kbd>Del</kbd> removes the span
          under the cursor, <kbd>Esc</kbd> cancels. Click a span to change or delete it.
        </p>
      </aside>
      {selection && pickerAnchor && !locked && (
        <LabelPicker labels={labels} x={pickerAnchor.left} y={pickerAnchor.bottom} yTop={pickerAnchor.top} text={index.slice(selection.start, selection.end)} onPick={(name) => applyLabel(name, selection)} onCancel={() => setSelection(null)} />
      )}
      {popover && (
        <AnnotationPopover
          annotations={popover.ids.map((id) => layer.annotations.get(id)).filter((a): a is LocalAnnotation => Boolean(a))}
          labels={labels}
          x={popover.x}
          y={popover.y}
          readOnly={locked}
          onRelabel={(id, label) => {
            layer.relabel(id, label);
            setPopover(null);
          }}
          onDelete={(id) => {
            layer.remove(id);
            setPopover(null);
          }}
          onClose={() => setPopover(null)}
        />
      )}
    </div>
    </WorkbenchContext.Provider>
  );
}
