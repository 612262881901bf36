-- CreateTable
CREATE TABLE "AgreementDocument" (
    "documentId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "computedRevision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AgreementDocument_pkey" PRIMARY KEY ("documentId")
);

-- CreateTable
CREATE TABLE "AgreementShare" (
    "documentId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "cells" TEXT NOT NULL,

    CONSTRAINT "AgreementShare_pkey" PRIMARY KEY ("documentId")
);

-- CreateTable
CREATE TABLE "AgreementTotal" (
    "projectId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "cell" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "AgreementTotal_pkey" PRIMARY KEY ("projectId","scope","cell")
);

-- CreateTable
CREATE TABLE "AgreementRetired" (
    "id" SERIAL NOT NULL,
    "projectId" TEXT NOT NULL,
    "cells" TEXT NOT NULL,

    CONSTRAINT "AgreementRetired_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgreementDocument_projectId_documentId_revision_computedRev_idx" ON "AgreementDocument"("projectId", "documentId", "revision", "computedRevision");

-- CreateIndex
CREATE INDEX "AgreementRetired_projectId_idx" ON "AgreementRetired"("projectId");

-- AddForeignKey
ALTER TABLE "AgreementDocument" ADD CONSTRAINT "AgreementDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementShare" ADD CONSTRAINT "AgreementShare_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementTotal" ADD CONSTRAINT "AgreementTotal_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementRetired" ADD CONSTRAINT "AgreementRetired_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Every document has its row; the ones already there start stale (computed at the first dashboard view).
INSERT INTO "AgreementDocument" ("documentId", "projectId") SELECT "id", "projectId" FROM "Document";

-- A new document has no layers yet: its (empty) share is current until one comes. Statement-level
-- triggers with transition tables, so a bulk insert (an import) costs one statement, not one per row.
CREATE FUNCTION "agreement_documents_made"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AgreementDocument" ("documentId", "projectId", "revision", "computedRevision") SELECT "id", "projectId", 0, 0 FROM new_rows;
  RETURN NULL;
END $$;
CREATE TRIGGER "agreement_document_made" AFTER INSERT ON "Document"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_documents_made"();

-- What the dashboard figures of a document are made of (its annotator and gold layers) changed: bump its revision.
CREATE FUNCTION "agreement_spans_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" IN
      (SELECT l."documentId" FROM "Layer" l WHERE l."kind" IN ('ANNOTATOR', 'GOLD') AND l."id" IN (SELECT "layerId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" IN
      (SELECT l."documentId" FROM "Layer" l WHERE l."kind" IN ('ANNOTATOR', 'GOLD') AND l."id" IN (SELECT "layerId" FROM old_rows));
  ELSE
    UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" IN
      (SELECT l."documentId" FROM "Layer" l WHERE l."kind" IN ('ANNOTATOR', 'GOLD') AND l."id" IN (
        SELECT x FROM new_rows n JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."layerId"), (o."layerId")) AS v(x)
        WHERE n."start" <> o."start" OR n."end" <> o."end" OR n."labelId" <> o."labelId" OR n."layerId" <> o."layerId"));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "agreement_span_made" AFTER INSERT ON "Annotation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_spans_changed"();
CREATE TRIGGER "agreement_span_changed" AFTER UPDATE ON "Annotation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_spans_changed"();
CREATE TRIGGER "agreement_span_gone" AFTER DELETE ON "Annotation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_spans_changed"();

CREATE FUNCTION "agreement_layers_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" IN
      (SELECT "documentId" FROM new_rows WHERE "kind" IN ('ANNOTATOR', 'GOLD'));
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" IN
      (SELECT "documentId" FROM old_rows WHERE "kind" IN ('ANNOTATOR', 'GOLD'));
  ELSE
    UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" IN (
      SELECT x FROM new_rows n JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."documentId"), (o."documentId")) AS v(x)
      WHERE (n."kind" IN ('ANNOTATOR', 'GOLD') OR o."kind" IN ('ANNOTATOR', 'GOLD'))
        AND (n."status" IS DISTINCT FROM o."status" OR n."userId" IS DISTINCT FROM o."userId"
          OR n."kind" IS DISTINCT FROM o."kind" OR n."documentId" IS DISTINCT FROM o."documentId"));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "agreement_layer_made" AFTER INSERT ON "Layer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_layers_changed"();
CREATE TRIGGER "agreement_layer_changed" AFTER UPDATE ON "Layer"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_layers_changed"();
CREATE TRIGGER "agreement_layer_gone" AFTER DELETE ON "Layer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_layers_changed"();

-- Label names are in the cells (and break ties between equally long spans): a rename makes the documents with such spans stale.
CREATE FUNCTION "agreement_label_renamed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" IN
    (SELECT l."documentId" FROM "Annotation" a JOIN "Layer" l ON l."id" = a."layerId" WHERE a."labelId" = NEW."id" AND l."kind" IN ('ANNOTATOR', 'GOLD'));
  RETURN NULL;
END $$;
CREATE TRIGGER "agreement_label_renamed" AFTER UPDATE OF "name" ON "Label"
  FOR EACH ROW WHEN (NEW."name" IS DISTINCT FROM OLD."name") EXECUTE FUNCTION "agreement_label_renamed"();

-- A deleted document's cells wait to be taken out of its project's totals (unless the project went too).
CREATE FUNCTION "agreement_shares_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AgreementRetired" ("projectId", "cells")
  SELECT o."projectId", o."cells" FROM old_rows o WHERE EXISTS (SELECT 1 FROM "Project" p WHERE p."id" = o."projectId");
  RETURN NULL;
END $$;
CREATE TRIGGER "agreement_share_gone" AFTER DELETE ON "AgreementShare"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_shares_gone"();
