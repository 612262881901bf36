"use client";
/**
 * The Inbox link of the navigation with the count of unread mentions. There
 * is no per-user live channel: the count is asked for every 15 s, and at once
 * when a document page open in this tab hears of a thread change that
 * mentions the user (its live stream, thread-signal.ts), or when the inbox
 * page marks mentions read.
 */
import Link from "next/link";
import { useEffect, useState } from "react";
import { requestJson } from "@/components/api/client";
import { onThreadChange } from "./thread-signal";

export const POLL_MS = 15_000;
export const INBOX_READ_SIGNAL = "marginalia:inbox-read";

export function InboxBadge() {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const res = await requestJson<{ unread: number }>("/api/v1/inbox?limit=1&unread=1");
      if (live && res.ok) setUnread(res.data.unread);
    };
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, POLL_MS);
    const off = onThreadChange((e) => {
      if (e.mentioned.length > 0) void refresh();
    });
    const onRead = () => void refresh();
    window.addEventListener(INBOX_READ_SIGNAL, onRead);
    return () => {
      live = false;
      clearInterval(timer);
      off();
      window.removeEventListener(INBOX_READ_SIGNAL, onRead);
    };
  }, []);
  const label = unread ? `Inbox, ${unread} unread mention${unread === 1 ? "" : "s"}` : "Inbox";
  return (
    <Link href="/inbox" aria-label={label} data-testid="inbox-link">
      Inbox
      {unread > 0 && (
        <span className="inbox-badge" data-testid="inbox-badge" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}
