-- Written by hand (prisma migrate diff needs the network here). The index
-- table loses its documentId index and its foreign key to Document, and
-- refers to Project instead (see schema.template.prisma). A trigger removes
-- the rows of a deleted visible document instead of the cascade; documents
-- still being imported are never indexed.

-- DropForeignKey
ALTER TABLE "SyndicationShingle" DROP CONSTRAINT "SyndicationShingle_documentId_fkey";

-- DropIndex
DROP INDEX "SyndicationShingle_documentId_idx";

-- AddForeignKey
ALTER TABLE "SyndicationShingle" ADD CONSTRAINT "SyndicationShingle_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "SyndicationShingle_document_deleted"() RETURNS trigger AS $$
BEGIN
    DELETE FROM "SyndicationShingle" WHERE "projectId" = OLD."projectId" AND "documentId" = OLD."id";
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "SyndicationShingle_document_deleted" AFTER DELETE ON "Document"
FOR EACH ROW WHEN (OLD."importing" = false)
EXECUTE FUNCTION "SyndicationShingle_document_deleted"();
