import { requirePageActor } from "@/lib/auth/require-page-actor";
import { exportFormData } from "@/lib/export/export-form-data";
import { ExportForm } from "@/components/export/export-form";

export const metadata = { title: "Export" };

export default async function ExportPage() {
  const actor = await requirePageActor("corpus:export");
  const data = await exportFormData(actor);
  return (
    <main className="page export-page">
      <h1>Export</h1>
      <p className="muted">
        Download the labeled corpus for training and evaluating models. The file streams straight from the server, however large the project; the same options
        work on <code>GET /api/v1/export</code> with an API token and on <code>npm run cli -- export</code>.
      </p>
      <ExportForm projects={data.projects} people={data.people} />
    </main>
  );
}
