"use client";
/** The inbox page's list: each mention links to the document at the passage; opening one marks it read; "Mark all read". */
import Link from "next/link";
import { useState } from "react";
import { requestJson } from "@/components/api/client";
import type { InboxItem } from "@/lib/threads/inbox";
import { anchorText, when } from "./anchor-text";
import { INBOX_READ_SIGNAL } from "./inbox-badge";

export function InboxList({ items: initial, unread: initialUnread }: { items: InboxItem[]; unread: number }) {
  const [items, setItems] = useState(initial);
  const [unread, setUnread] = useState(initialUnread);
  const [error, setError] = useState<string | null>(null);
  const markRead = async (ids?: string[]) => {
    const res = await requestJson<{ marked: number; unread: number }>("/api/v1/inbox/read", { method: "POST", body: ids ? { ids } : {} });
    if (!res.ok) return setError(res.error);
    const now = new Date().toISOString();
    setItems((list) => list.map((i) => (!ids || ids.includes(i.id) ? { ...i, readAt: i.readAt ?? now } : i)));
    setUnread(res.data.unread);
    window.dispatchEvent(new Event(INBOX_READ_SIGNAL));
  };
  return (
    <>
      <p className="inbox-summary">
        <span data-testid="inbox-unread">{unread}</span> unread{" "}
        <button type="button" disabled={unread === 0} onClick={() => void markRead()}>
          Mark all read
        </button>
      </p>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">Nobody has mentioned you yet. Write @name in a discussion thread to mention a member of your project.</p>
      ) : (
        <ul className="inbox-list">
          {items.map((i) => (
            <li key={i.id} className={`inbox-item${i.readAt ? "" : " unread"}`} data-testid="inbox-item">
              <Link href={i.href} onClick={() => !i.readAt && void markRead([i.id])}>
                <span className="inbox-doc">{i.document.title}</span> · <span>{anchorText(i.thread.anchor)}</span>
                {i.thread.resolved && <span className="muted"> · resolved</span>}
              </Link>
              <div className="small">
                <strong>{i.post.author.name}</strong> <time dateTime={i.post.createdAt}>{when(i.post.createdAt)}</time>
                {!i.readAt && <span className="inbox-new"> · new</span>}
              </div>
              <p className="thread-body">{i.post.body}</p>
              {!i.readAt && (
                <button type="button" className="link-button small" onClick={() => void markRead([i.id])}>
                  Mark read
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
