-- Written by hand from `prisma migrate diff`: its table redefinition of
-- "Document" (copy, DROP, rename) would cascade-delete every layer when run
-- with foreign keys on; ADD COLUMN gives the same schema. The index table is
-- WITHOUT ROWID: its primary key is the table (one B-tree, not two).

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "importing" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Document" ADD COLUMN "shinglesIndexed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SyndicationShingle" (
    "projectId" TEXT NOT NULL,
    "hash" BIGINT NOT NULL,
    "documentId" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "hash", "documentId"),
    CONSTRAINT "SyndicationShingle_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

-- CreateIndex
CREATE INDEX "SyndicationShingle_documentId_idx" ON "SyndicationShingle"("documentId");

-- CreateIndex
CREATE INDEX "Document_projectId_shinglesIndexed_idx" ON "Document"("projectId", "shinglesIndexed");
