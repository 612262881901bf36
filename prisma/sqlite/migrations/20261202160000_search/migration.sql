-- Written by hand. Full-text search over documents (lib/search): an FTS5
-- index of every document's title and text, kept by triggers in the same
-- transaction as the insert, update or delete of the document.
--
-- The index is contentless (the text is in "Document" already; a 2,000,000-
-- character document is not stored twice) and deletes by rowid
-- (contentless_delete). Its rowids are the keys of "DocumentSearchKey", an
-- INTEGER PRIMARY KEY that VACUUM keeps, unlike the implicit rowid of
-- "Document". The tokenizer is the rule of lib/search/fold.ts: words are runs
-- of letters and digits, case and Latin diacritics do not count. Documents
-- still being imported are indexed too; searches read visible ones only.

CREATE TABLE "DocumentSearchKey" (
    "key" INTEGER NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "DocumentSearchKey_documentId_key" ON "DocumentSearchKey"("documentId");

CREATE VIRTUAL TABLE "DocumentFts" USING fts5(
    "title",
    "text",
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER "DocumentFts_document_inserted" AFTER INSERT ON "Document"
BEGIN
    INSERT INTO "DocumentSearchKey" ("documentId") VALUES (NEW."id");
    INSERT INTO "DocumentFts" ("rowid", "title", "text")
    VALUES ((SELECT "key" FROM "DocumentSearchKey" WHERE "documentId" = NEW."id"), NEW."title", NEW."text");
END;

-- Texts never change after import; a title might.
CREATE TRIGGER "DocumentFts_document_updated" AFTER UPDATE OF "title", "text" ON "Document"
BEGIN
    DELETE FROM "DocumentFts" WHERE "rowid" = (SELECT "key" FROM "DocumentSearchKey" WHERE "documentId" = OLD."id");
    UPDATE "DocumentSearchKey" SET "documentId" = NEW."id" WHERE "documentId" = OLD."id";
    INSERT INTO "DocumentFts" ("rowid", "title", "text")
    VALUES ((SELECT "key" FROM "DocumentSearchKey" WHERE "documentId" = NEW."id"), NEW."title", NEW."text");
END;

CREATE TRIGGER "DocumentFts_document_deleted" AFTER DELETE ON "Document"
BEGIN
    DELETE FROM "DocumentFts" WHERE "rowid" = (SELECT "key" FROM "DocumentSearchKey" WHERE "documentId" = OLD."id");
    DELETE FROM "DocumentSearchKey" WHERE "documentId" = OLD."id";
END;

-- The documents already there, oldest first (search lists passages in key order).
INSERT INTO "DocumentSearchKey" ("documentId") SELECT "id" FROM "Document" ORDER BY "createdAt", "id";
INSERT INTO "DocumentFts" ("rowid", "title", "text")
SELECT k."key", d."title", d."text" FROM "DocumentSearchKey" k JOIN "Document" d ON d."id" = k."documentId" ORDER BY k."key";
INSERT INTO "DocumentFts" ("DocumentFts") VALUES ('optimize');
