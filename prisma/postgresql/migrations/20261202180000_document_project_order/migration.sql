-- Search walks a project's documents in id order, a window at a time (lib/search/span-hits.ts).
CREATE INDEX "Document_projectId_id_idx" ON "Document"("projectId", "id");
