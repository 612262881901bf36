import Link from "next/link";

const TABS = [
  { key: "settings", label: "Settings", path: "" },
  { key: "assignments", label: "Assignments", path: "/assignments" },
  { key: "dashboard", label: "Dashboard", path: "/dashboard" },
  { key: "entities", label: "Entities", path: "/entities" },
  { key: "stances", label: "Stances", path: "/stances" },
  { key: "assist", label: "Pre-annotation", path: "/assist" },
] as const;

/** The pages of one project; `current` is marked for assistive technology too. */
export function ProjectTabs({ projectId, current }: { projectId: string; current: (typeof TABS)[number]["key"] }) {
  return (
    <nav className="tabs" aria-label="Project pages">
      {TABS.map((t) => (
        <Link key={t.key} href={`/projects/${projectId}${t.path}`} aria-current={t.key === current ? "page" : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
