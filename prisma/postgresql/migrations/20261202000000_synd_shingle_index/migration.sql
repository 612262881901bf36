-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "importing" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "shinglesIndexed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SyndicationShingle" (
    "projectId" TEXT NOT NULL,
    "hash" BIGINT NOT NULL,
    "documentId" TEXT NOT NULL,

    CONSTRAINT "SyndicationShingle_pkey" PRIMARY KEY ("projectId","hash","documentId")
);

-- CreateIndex
CREATE INDEX "SyndicationShingle_documentId_idx" ON "SyndicationShingle"("documentId");

-- CreateIndex
CREATE INDEX "Document_projectId_shinglesIndexed_idx" ON "Document"("projectId", "shinglesIndexed");

-- AddForeignKey
ALTER TABLE "SyndicationShingle" ADD CONSTRAINT "SyndicationShingle_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

