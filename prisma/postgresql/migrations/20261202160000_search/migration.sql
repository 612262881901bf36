-- Written by hand. Full-text search over documents (lib/search): a tsvector
-- index (GIN) of every document's title and text, kept by a trigger in the
-- same transaction as the insert or update of the document; a delete
-- cascades. Prisma cannot model tsvector, so the table lives in this
-- migration only and search reads it with plain SQL.
--
-- Why a table of chunks and not one tsvector column on "Document": a
-- tsvector holds at most 1 MB (a 2,000,000-character report of varied words
-- makes 2.4 MB: the insert would fail) and word positions only up to 16,383
-- (phrases past the first ~100,000 characters would never match). So the
-- text is indexed in chunks of 20,000 characters that overlap by 1,000 (a
-- phrase of up to ~900 characters lies whole in one of them); each chunk
-- drops its first and last word when they may be cut (the neighbour holds
-- them whole). The title is the chunk at start -1.
--
-- Words: search_fold() applies the rule of lib/search/fold.ts: the
-- diacritics of Latin letters dropped (decomposed, the combining marks after
-- a letter A-Z removed, composed again: "É" is "e", "й" stays "й"), lower
-- case, the long s folded as FTS5 folds it; and every character that is not
-- part of a word (punctuation, symbols, emoji, spaces) made a space before the
-- 'simple' parser runs. Without that the parser would index "al-Abadi" as
-- "al-abadi", "al", "abadi" at three positions (no phrase across it would
-- match) and "e-mail.address@host" as one word. 'simple' does not stem, so
-- names stay as written ("Lavrov" is not "lavr").

CREATE FUNCTION "search_fold"(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT regexp_replace(
        translate(lower(normalize(regexp_replace(normalize(t, NFD), '([a-zA-Z])[\u0300-\u036f]+', '\1', 'g'), NFC)), 'ſẛ', 'ss'),
        '[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf\u2190-\u245f\u2500-\u2775\u2794-\u2bff\u3000-\u3004\u3008-\u3020\u3030\u303d-\u303f\ufe10-\ufe1f\ufe30-\ufe6f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufff0-\uffff\U0001f000-\U0001f0ff\U0001f110-\U0001faff\U000e0000-\U000e007f]+', ' ', 'g')
$$;

CREATE TABLE "DocumentSearchChunk" (
    "documentId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "tsv" tsvector NOT NULL,

    CONSTRAINT "DocumentSearchChunk_pkey" PRIMARY KEY ("documentId", "start"),
    CONSTRAINT "DocumentSearchChunk_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- fastupdate off: a document's words go into the index at its insert. With the default, they wait in a pending
-- list that every search scans (and the planner, pricing that, turned to sequential scans) until a vacuum.
CREATE INDEX "DocumentSearchChunk_tsv_idx" ON "DocumentSearchChunk" USING GIN ("tsv") WITH (fastupdate = off);

CREATE FUNCTION "DocumentSearchChunk_write"(doc_id text, title text, body text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    n integer := char_length(body);
    s integer := 0;
    piece text;
BEGIN
    DELETE FROM "DocumentSearchChunk" WHERE "documentId" = doc_id;
    INSERT INTO "DocumentSearchChunk" ("documentId", "start", "tsv") VALUES (doc_id, -1, to_tsvector('simple', "search_fold"(title)));
    WHILE s < n LOOP
        piece := "search_fold"(substr(body, s + 1, 21000));
        IF s > 0 THEN
            piece := regexp_replace(piece, '^\S+', '');
        END IF;
        IF s + 21000 < n THEN
            piece := regexp_replace(piece, '\S+$', '');
        END IF;
        INSERT INTO "DocumentSearchChunk" ("documentId", "start", "tsv") VALUES (doc_id, s, to_tsvector('simple', piece));
        s := s + 20000;
    END LOOP;
END;
$$;

CREATE FUNCTION "DocumentSearchChunk_document_written"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM "DocumentSearchChunk_write"(NEW."id", NEW."title", NEW."text");
    RETURN NULL;
END;
$$;

CREATE TRIGGER "DocumentSearchChunk_document_inserted" AFTER INSERT ON "Document"
FOR EACH ROW EXECUTE FUNCTION "DocumentSearchChunk_document_written"();

-- Texts never change after import; a title might.
CREATE TRIGGER "DocumentSearchChunk_document_updated" AFTER UPDATE OF "title", "text" ON "Document"
FOR EACH ROW EXECUTE FUNCTION "DocumentSearchChunk_document_written"();

-- The documents already there.
SELECT "DocumentSearchChunk_write"("id", "title", "text") FROM "Document";
