"use client";
/**
 * The "Discussion" side panel of the workbench and the review page: the
 * document's threads the user may see (the server filters them), each beside
 * what it is about; start one on the focused span or on the document, reply,
 * edit one's own posts, resolve and reopen. Changes from others arrive on the
 * document's live stream (thread-signal.ts). Ctrl+Enter sends a text box.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { useMarks, useWorkbench, useWorkbenchState, type Mark } from "@/components/workbench/workbench-context";
import { requestJson } from "@/components/api/client";
import type { AnchorCount, ThreadView } from "@/lib/threads/thread-view";
import { anchorText, when } from "./anchor-text";
import { onThreadChange } from "./thread-signal";
import { useThreadCounts } from "./thread-counts";
import { useDiscussion, type About } from "./discuss-target";

type ThreadList = { items: ThreadView[]; counts: AnchorCount[] };
const MAX = 5000;

export function DiscussionPanel() {
  const wb = useWorkbench();
  const focused = useWorkbenchState((s) => s.focused);
  const setCounts = useThreadCounts((s) => s.set);
  const [threads, setThreads] = useState<ThreadView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const { picked, about, setAbout } = useDiscussion();
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const url = `/api/v1/documents/${wb.documentId}/threads`;

  const show = useCallback(
    (res: Awaited<ReturnType<typeof requestJson<ThreadList>>>) => {
      if (!res.ok) return setError(res.error);
      setThreads(res.data.items);
      setCounts(res.data.counts);
    },
    [setCounts],
  );
  const load = async () => show(await requestJson<ThreadList>(url));

  // a change announced on the document's live stream (thread-signal.ts) loads the threads again
  const [tick, setTick] = useState(0);
  useEffect(
    () =>
      onThreadChange((e) => {
        if (e.documentId === wb.documentId) setTick((t) => t + 1);
      }),
    [wb.documentId],
  );
  useEffect(() => {
    let live = true;
    void requestJson<ThreadList>(url).then((res) => live && show(res));
    return () => {
      live = false;
    };
  }, [url, tick, show]);
  // what belongs to this document is forgotten when the panel goes (another document's page starts clean)
  useEffect(
    () => () => {
      setCounts([]);
      useDiscussion.setState({ picked: null, about: "focused" });
    },
    [setCounts],
  );

  /** Sends a write; on success puts the thread it answers in place. */
  const send = async (path: string, method: "POST" | "PATCH", body: unknown): Promise<boolean> => {
    setBusy(true);
    const res = await requestJson<ThreadView>(path, { method, body });
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return false;
    }
    setError(null);
    await load();
    return true;
  };

  const spanAnchor = focused && focused.version > 0 ? focused : null;
  // what the new thread is about: the picked span, the focused one, else the document
  const on: About = about === "picked" && picked ? "picked" : about === "focused" && spanAnchor ? "focused" : "document";
  const start = async () => {
    const anchor = on === "picked" ? { kind: "span", id: picked!.id } : on === "focused" ? { kind: "span", id: spanAnchor!.id } : { kind: "document" };
    if (await send(url, "POST", { anchor, body: draft })) setDraft("");
  };
  // a span picked elsewhere ("Discuss"): the panel comes into view, ready to write
  useEffect(() => {
    if (!picked) return;
    const box = document.getElementById("thread-first-post");
    box?.scrollIntoView({ block: "nearest" });
    box?.focus();
  }, [picked]);

  const open = useMemo(() => threads.filter((t) => !t.resolved), [threads]);
  const shown = showResolved ? threads : open;

  // open threads are drawn under what they are about; clicking one in the text brings its thread into view here
  const marks = useMemo<Mark[]>(() => {
    const byPlace = new Map<string, { id: string; start: number; end: number; count: number }>();
    for (const t of open) {
      const { start, end } = t.anchor;
      if (start === undefined || end === undefined) continue;
      const place = byPlace.get(`${start}-${end}`) ?? { id: t.id, start, end, count: 0 };
      byPlace.set(`${start}-${end}`, { ...place, count: place.count + 1 });
    }
    return [...byPlace.values()].map(({ id, start, end, count }) => ({
      id,
      start,
      end,
      className: "thread-mark",
      title: `${count} open discussion thread${count === 1 ? "" : "s"}`,
    }));
  }, [open]);
  useMarks("threads", marks);
  const activeMark = useWorkbenchState((s) => s.activeMark);
  useEffect(() => {
    if (activeMark?.key !== "threads") return;
    // shown, not focused: the keys stay with the text (the click may also have opened a span's popover)
    const el = document.getElementById(`thread-${activeMark.id}`);
    el?.scrollIntoView({ block: "nearest" });
    el?.classList.add("flash");
    const done = setTimeout(() => el?.classList.remove("flash"), 1500);
    return () => clearTimeout(done);
  }, [activeMark]);
  return (
    <section className="discussion-panel" aria-labelledby="discussion-title" data-testid="discussion-panel">
      <h2 id="discussion-title">
        Discussion <span className="count">{open.length}</span>
      </h2>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      <form
        className="thread-new"
        aria-label="New thread"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset className="thread-anchor-choice">
          <legend className="small">About</legend>
          {picked && (
            <label>
              <input type="radio" name="thread-anchor" checked={on === "picked"} onChange={() => setAbout("picked")} />{" "}
              {`“${picked.text}” · ${picked.label} of ${picked.of}`}
            </label>
          )}
          <label>
            <input type="radio" name="thread-anchor" checked={on === "focused"} disabled={!spanAnchor} onChange={() => setAbout("focused")} />{" "}
            {spanAnchor ? `the focused span “${spanAnchor.text}” · ${spanAnchor.label}` : "the focused span (click one first)"}
          </label>
          <label>
            <input type="radio" name="thread-anchor" checked={on === "document"} onChange={() => setAbout("document")} /> the whole document
          </label>
        </fieldset>
        <PostBox id="thread-first-post" value={draft} onChange={setDraft} onSubmit={() => void start()} label="First post (@name mentions a member)" />
        <button type="submit" className="button" disabled={busy || !draft.trim()}>
          Start thread
        </button>
      </form>
      <label className="toggle small">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved ({threads.length - open.length})
      </label>
      <ul className="thread-list">
        {shown.map((t) => (
          <ThreadItem key={t.id} thread={t} busy={busy} send={send} onShow={() => t.anchor.start !== undefined && wb.goTo(t.anchor.start)} />
        ))}
        {shown.length === 0 && <li className="muted small">No {showResolved ? "" : "open "}threads on this document.</li>}
      </ul>
    </section>
  );
}

function PostBox(props: { id?: string; value: string; onChange: (v: string) => void; onSubmit: () => void; label: string; autoFocus?: boolean }) {
  return (
    <label className="thread-box">
      <span className="small muted">{props.label}</span>
      <textarea
        id={props.id}
        value={props.value}
        maxLength={MAX}
        rows={2}
        autoFocus={props.autoFocus}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation(); // the workbench's keys are for the text, not for typing here
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && props.value.trim()) {
            e.preventDefault();
            props.onSubmit();
          }
        }}
      />
    </label>
  );
}

function ThreadItem(props: {
  thread: ThreadView;
  busy: boolean;
  send: (path: string, method: "POST" | "PATCH", body: unknown) => Promise<boolean>;
  onShow: () => void;
}) {
  const { thread: t, busy, send } = props;
  const [reply, setReply] = useState("");
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const about = anchorText(t.anchor);
  const postReply = async () => {
    if (await send(`/api/v1/threads/${t.id}/replies`, "POST", { body: reply })) setReply("");
  };
  const saveEdit = async () => {
    if (editing && (await send(`/api/v1/thread-posts/${editing.id}`, "PATCH", { body: editing.body }))) setEditing(null);
  };
  return (
    <li id={`thread-${t.id}`} tabIndex={-1} className={`thread${t.resolved ? " resolved" : ""}`} data-testid="thread" aria-label={`Thread on ${about}`}>
      <div className="thread-about">
        {t.anchor.start !== undefined ? (
          <button className="link-button" onClick={props.onShow} title="Show it in the text">
            {about}
          </button>
        ) : (
          <span>{about}</span>
        )}
        {t.resolved && <span className="muted small"> · resolved{t.resolvedBy ? ` by ${t.resolvedBy.name}` : ""}</span>}
      </div>
      <ol className="thread-posts">
        {t.posts.map((p) => (
          <li key={p.id} className="thread-post">
            <div className="small">
              <strong>{p.author.name}</strong> <time dateTime={p.createdAt}>{when(p.createdAt)}</time>
              {p.editedAt && (
                <span className="muted" title={`Edited ${when(p.editedAt)}`}>
                  {" "}
                  (edited)
                </span>
              )}
              {p.mine && editing?.id !== p.id && (
                <button
                  className="link-button small"
                  onClick={() => setEditing({ id: p.id, body: p.body })}
                  aria-label={`Edit your post of ${when(p.createdAt)}`}
                >
                  Edit
                </button>
              )}
            </div>
            {editing?.id === p.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void saveEdit();
                }}
              >
                <PostBox
                  value={editing.body}
                  onChange={(body) => setEditing({ id: p.id, body })}
                  onSubmit={() => void saveEdit()}
                  label="Edit your post"
                  autoFocus
                />
                <button type="submit" disabled={busy || !editing.body.trim()}>
                  Save
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <p className="thread-body">{p.body}</p>
            )}
          </li>
        ))}
      </ol>
      <form
        className="thread-reply"
        onSubmit={(e) => {
          e.preventDefault();
          void postReply();
        }}
      >
        <PostBox value={reply} onChange={setReply} onSubmit={() => void postReply()} label="Reply" />
        <button type="submit" disabled={busy || !reply.trim()}>
          Reply
        </button>
        {t.canResolve && (
          <button type="button" disabled={busy} onClick={() => void send(`/api/v1/threads/${t.id}`, "PATCH", { resolved: !t.resolved })}>
            {t.resolved ? "Reopen" : "Resolve"}
          </button>
        )}
      </form>
    </li>
  );
}
