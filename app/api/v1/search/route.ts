import { apiRoute } from "@/lib/api/route";
import { searchCorpus } from "@/lib/search/search-corpus";

/** Search the documents and spans you can see: `?q=Lavrov label:PERSON&project=…&cursor=…&limit=…`. */
export const GET = apiRoute(async ({ req, actor }) => {
  const p = new URL(req.url).searchParams;
  const optional = (name: string) => p.get(name) ?? undefined;
  return searchCorpus({ actor, query: { q: p.get("q") ?? "", project: optional("project"), cursor: optional("cursor"), limit: optional("limit") } });
});
