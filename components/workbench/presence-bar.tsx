"use client";
/** Who else is on the document, live: initials and names, "You" first, tab counts, and whether the live stream is up. */
import type { Viewer } from "@/lib/realtime/events";

type Props = { viewers: Viewer[]; selfId: string | null; connected: boolean };

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => Array.from(w)[0]?.toUpperCase() ?? "").join("") || "?";
}

/** A stable colour per user, so a person keeps theirs across tabs and visits. */
function hueOf(userId: string): number {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

export function PresenceBar({ viewers, selfId, connected }: Props) {
  const ordered = [...viewers].sort((a, b) => Number(b.userId === selfId) - Number(a.userId === selfId));
  return (
    <div className={`presence${connected ? "" : " offline"}`} data-testid="presence">
      <span className="live-state" title={connected ? "Live: changes and people appear as they happen" : "Offline: reconnecting…"}>
        <span className="live-dot" aria-hidden />
        {connected ? "Live" : "Offline, reconnecting…"}
      </span>
      <ul className="presence-list" aria-label="People on this document" aria-live="polite">
        {ordered.map((v) => {
          const self = v.userId === selfId;
          const tabs = v.tabs > 1 ? `${v.tabs} tabs` : null;
          return (
            <li key={v.userId} title={`${v.name} · ${v.role.toLowerCase()}${tabs ? ` · ${tabs}` : ""}`} data-user-id={v.userId}>
              <span className="avatar" style={{ background: `hsl(${hueOf(v.userId)} 55% 42%)` }} aria-hidden>
                {initials(v.name)}
              </span>
              <span className="presence-name">{self ? "You" : v.name}</span>
              <span className="sr-only">, {v.role.toLowerCase()}</span>
              {tabs && <span className="muted"> · {tabs}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
