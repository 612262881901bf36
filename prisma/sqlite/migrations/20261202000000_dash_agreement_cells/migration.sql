-- CreateTable
CREATE TABLE "AgreementDocument" (
    "documentId" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "computedRevision" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AgreementDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreementShare" (
    "documentId" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "cells" TEXT NOT NULL,
    CONSTRAINT "AgreementShare_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreementTotal" (
    "projectId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "cell" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    PRIMARY KEY ("projectId", "scope", "cell"),
    CONSTRAINT "AgreementTotal_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreementRetired" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" TEXT NOT NULL,
    "cells" TEXT NOT NULL,
    CONSTRAINT "AgreementRetired_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AgreementDocument_projectId_documentId_revision_computedRevision_idx" ON "AgreementDocument"("projectId", "documentId", "revision", "computedRevision");

-- CreateIndex
CREATE INDEX "AgreementRetired_projectId_idx" ON "AgreementRetired"("projectId");


-- Every document has its row; the ones already there start stale (computed at the first dashboard view).
INSERT INTO "AgreementDocument" ("documentId", "projectId") SELECT "id", "projectId" FROM "Document";

-- A new document has no layers yet: its (empty) share is current until one comes.
CREATE TRIGGER "agreement_document_made" AFTER INSERT ON "Document" BEGIN
  INSERT INTO "AgreementDocument" ("documentId", "projectId", "revision", "computedRevision") VALUES (NEW."id", NEW."projectId", 0, 0);
END;

-- What the dashboard figures of a document are made of (its annotator and gold layers) changed: bump its revision.
CREATE TRIGGER "agreement_span_made" AFTER INSERT ON "Annotation" BEGIN
  UPDATE "AgreementDocument" SET "revision" = "revision" + 1
  WHERE "documentId" = (SELECT "documentId" FROM "Layer" WHERE "id" = NEW."layerId" AND "kind" IN ('ANNOTATOR', 'GOLD'));
END;

CREATE TRIGGER "agreement_span_changed" AFTER UPDATE OF "start", "end", "labelId", "layerId" ON "Annotation"
WHEN NEW."start" <> OLD."start" OR NEW."end" <> OLD."end" OR NEW."labelId" <> OLD."labelId" OR NEW."layerId" <> OLD."layerId" BEGIN
  UPDATE "AgreementDocument" SET "revision" = "revision" + 1
  WHERE "documentId" IN (SELECT "documentId" FROM "Layer" WHERE "id" IN (NEW."layerId", OLD."layerId") AND "kind" IN ('ANNOTATOR', 'GOLD'));
END;

CREATE TRIGGER "agreement_span_gone" AFTER DELETE ON "Annotation" BEGIN
  UPDATE "AgreementDocument" SET "revision" = "revision" + 1
  WHERE "documentId" = (SELECT "documentId" FROM "Layer" WHERE "id" = OLD."layerId" AND "kind" IN ('ANNOTATOR', 'GOLD'));
END;

CREATE TRIGGER "agreement_layer_made" AFTER INSERT ON "Layer" WHEN NEW."kind" IN ('ANNOTATOR', 'GOLD') BEGIN
  UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" = NEW."documentId";
END;

CREATE TRIGGER "agreement_layer_changed" AFTER UPDATE OF "status", "userId", "kind", "documentId" ON "Layer"
WHEN (NEW."kind" IN ('ANNOTATOR', 'GOLD') OR OLD."kind" IN ('ANNOTATOR', 'GOLD'))
 AND (NEW."status" IS NOT OLD."status" OR NEW."userId" IS NOT OLD."userId" OR NEW."kind" IS NOT OLD."kind" OR NEW."documentId" IS NOT OLD."documentId") BEGIN
  UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" IN (NEW."documentId", OLD."documentId");
END;

CREATE TRIGGER "agreement_layer_gone" AFTER DELETE ON "Layer" WHEN OLD."kind" IN ('ANNOTATOR', 'GOLD') BEGIN
  UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" = OLD."documentId";
END;

-- Label names are in the cells (and break ties between equally long spans): a rename makes the documents with such spans stale.
CREATE TRIGGER "agreement_label_renamed" AFTER UPDATE OF "name" ON "Label" WHEN NEW."name" IS NOT OLD."name" BEGIN
  UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" IN
    (SELECT l."documentId" FROM "Annotation" a JOIN "Layer" l ON l."id" = a."layerId" WHERE a."labelId" = NEW."id" AND l."kind" IN ('ANNOTATOR', 'GOLD'));
END;

-- A deleted document's cells wait to be taken out of its project's totals (unless the project went too).
CREATE TRIGGER "agreement_share_gone" AFTER DELETE ON "AgreementShare" BEGIN
  INSERT INTO "AgreementRetired" ("projectId", "cells")
  SELECT OLD."projectId", OLD."cells" WHERE EXISTS (SELECT 1 FROM "Project" WHERE "id" = OLD."projectId");
END;
