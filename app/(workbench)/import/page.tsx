import { requirePageActor } from "@/lib/auth/require-page-actor";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { ImportForm } from "@/components/import/import-form";

export const metadata = { title: "Import" };

export default async function ImportPage() {
  const actor = await requirePageActor();
  if (!can(actor, "document:import")) {
    return (
      <main className="page">
        <h1>Import</h1>
        <p className="banner">Only admins import documents.</p>
      </main>
    );
  }
  const projects = await db.project.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, slug: true, name: true, members: { where: { user: { active: true } }, select: { user: { select: { email: true, name: true } } } } },
  });
  return (
    <main className="page wide">
      <h1>Import</h1>
      <p className="muted">
        Plain .txt files (one document each), or one JSONL file (Marginalia native, spaCy/Prodigy spans, doccano) or Label Studio JSON export. Texts are stored
        in Unicode NFC with “\n” line endings; a text already in the project is reported as a duplicate and not imported again.
      </p>
      <ImportForm
        projects={projects.map((p) => ({
          id: p.id,
          slug: p.slug,
          name: p.name,
          members: p.members.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)),
        }))}
      />
    </main>
  );
}
