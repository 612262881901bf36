import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { API_OPERATIONS } from "@/lib/api/operations";
import { OperationCard } from "@/components/api-docs/operation-card";

export const metadata = { title: "REST API reference" };

const tags = [...new Set(API_OPERATIONS.map((o) => o.tag))];
const tagId = (tag: string) => `api-${tag.toLowerCase()}`;

export default async function ApiDocsPage() {
  await requirePageActor();
  return (
    <main className="page wide api-docs">
      <h1>REST API reference</h1>
      <p className="muted">
        Send <code>Authorization: Bearer &lt;token&gt;</code> (make one on the <Link href="/profile">API tokens</Link> page). Errors are always{" "}
        <code>{'{"error":{"code","message"}}'}</code>; every list answers <code>{"{items, nextCursor}"}</code> (pass <code>nextCursor</code> back as{" "}
        <code>cursor</code>; it is null on the last page). The machine-readable version is <a href="/api/v1/openapi.json">OpenAPI 3.1 JSON</a>.
      </p>
      <nav aria-label="API sections" className="page-tabs">
        {tags.map((tag) => (
          <a key={tag} href={`#${tagId(tag)}`}>
            {tag}
          </a>
        ))}
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={tagId(tag)}>
          <h2 id={tagId(tag)}>{tag}</h2>
          {API_OPERATIONS.filter((o) => o.tag === tag).map((op) => (
            <OperationCard key={`${op.method} ${op.path}`} op={op} />
          ))}
        </section>
      ))}
    </main>
  );
}
