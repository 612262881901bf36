import { db } from "@/lib/db";
import { projectScope } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { searchCorpus, type SearchPage } from "@/lib/search/search-corpus";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { SearchSyntax } from "@/components/search/search-syntax";

export const metadata = { title: "Search" };

type Params = { q?: string | string[]; project?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function SearchPageView({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const q = first(params.q);
  const project = first(params.project);
  const projects = await db.project.findMany({
    where: projectScope(actor),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
    take: 200,
  });
  let result: SearchPage | null = null;
  let error: string | null = null;
  if (q.trim()) {
    try {
      result = await searchCorpus({ actor, query: { q, project: project || undefined } });
    } catch (err) {
      // a query to rephrase, gold for an annotator, a project they are not in: said on the page, not a crash
      if (!(err instanceof AppError) || ![400, 403, 404].includes(err.status)) throw err;
      error = err.message;
    }
  }
  return (
    <main className="page search-page">
      <h1>Search</h1>
      <SearchForm q={q} project={project} projects={projects} />
      <SearchSyntax open={!q.trim()} />
      {error && (
        <p role="alert" className="error" data-testid="search-error">
          {error}
        </p>
      )}
      {result && <SearchResults key={`${q}\u0000${project}`} initial={result} q={q} project={project} />}
    </main>
  );
}
