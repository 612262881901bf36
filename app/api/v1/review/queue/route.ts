import { apiRoute } from "@/lib/api/route";
import { reviewQueue } from "@/lib/review/review-queue";

export const GET = apiRoute(async ({ req, actor }) => reviewQueue({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }));
