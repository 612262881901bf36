import type { listUserAudit } from "@/lib/users/user-audit";

type Entry = Awaited<ReturnType<typeof listUserAudit>>[number];

const ACTION_LABEL: Record<string, string> = {
  CREATE: "created",
  ROLE: "role changed",
  DEACTIVATE: "deactivated",
  REACTIVATE: "reactivated",
  PASSWORD_RESET: "password reset",
  MEMBER_ADD: "added to project",
  MEMBER_REMOVE: "removed from project",
};

/** A snapshot as short text: `role: REVIEWER`, `project: Iraq`, `tokensRevoked: 2`. */
function snapshot(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "object") return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(
      ([k, v]) =>
        `${k}: ${v !== null && typeof v === "object" && "name" in v ? String((v as { name: unknown }).name) : Array.isArray(v) ? `${v.length}` : String(v)}`,
    )
    .join(", ");
}

/** The latest admin changes to user accounts (who, when, what, before → after). */
export function UserAuditList({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <p className="muted">No changes to users yet.</p>;
  return (
    <table className="list dense" data-testid="user-audit">
      <thead>
        <tr>
          <th>When</th>
          <th>Admin</th>
          <th>User</th>
          <th>Change</th>
          <th>Before</th>
          <th>After</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>
              <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
            </td>
            <td title={e.actor.email}>{e.actor.name}</td>
            <td title={e.user.email}>{e.user.name}</td>
            <td>{ACTION_LABEL[e.action] ?? e.action}</td>
            <td>{snapshot(e.before)}</td>
            <td>{snapshot(e.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
