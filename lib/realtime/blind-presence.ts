import type { PresenceEvent } from "./events";
import type { StreamAccess } from "./hub";

/** Under blind review, reviewers see that an annotator is on the document, not who. */
export function blindPresence(event: PresenceEvent, access: StreamAccess): PresenceEvent {
  if (!access.project.blindReview || access.subscriber.role === "ANNOTATOR") return event;
  return {
    ...event,
    viewers: event.viewers.map((v) => (v.role === "ANNOTATOR" && v.userId !== access.subscriber.id ? { ...v, name: "An annotator" } : v)),
  };
}
