-- Written by hand (prisma migrate diff needs the network here). The index
-- table loses its documentId index and its foreign key to Document, and
-- refers to Project instead: a second B-tree ordered by document made every
-- hash-ordered bulk write random again (see schema.template.prisma). A
-- trigger removes the rows of a deleted visible document instead of the
-- cascade; documents still being imported are never indexed.

CREATE TABLE "new_SyndicationShingle" (
    "projectId" TEXT NOT NULL,
    "hash" BIGINT NOT NULL,
    "documentId" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "hash", "documentId"),
    CONSTRAINT "SyndicationShingle_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
INSERT INTO "new_SyndicationShingle" ("projectId", "hash", "documentId") SELECT "projectId", "hash", "documentId" FROM "SyndicationShingle";
DROP TABLE "SyndicationShingle";
ALTER TABLE "new_SyndicationShingle" RENAME TO "SyndicationShingle";

CREATE TRIGGER "SyndicationShingle_document_deleted" AFTER DELETE ON "Document"
WHEN OLD."importing" = false
BEGIN
    DELETE FROM "SyndicationShingle" WHERE "projectId" = OLD."projectId" AND "documentId" = OLD."id";
END;
