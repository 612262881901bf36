import type { WorkbenchDocument } from "./types";

/** What the document page shows while its text and layers arrive (or why they did not). */
export function DocumentLoading({ document: doc, error }: { document: WorkbenchDocument; error: string | null }) {
  return (
    <div className="workbench">
      <section className="doc-pane">
        <header className="doc-header">
          <div className="title-row">
            <h1>{doc.title}</h1>
          </div>
        </header>
        {error ? (
          <p className="banner error" role="alert">
            The document could not be loaded: {error}. Reload the page to try again.
          </p>
        ) : (
          <p className="muted" role="status" data-testid="document-loading">
            Loading the document…
          </p>
        )}
      </section>
    </div>
  );
}
