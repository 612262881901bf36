-- Closed sets become enum types and JSON-in-text columns jsonb. Written by
-- hand: each column is converted in place (USING), so its data is kept; a
-- value outside its enum, or text that is not JSON, fails the migration (and
-- its transaction) instead of being dropped. Defaults are dropped and set
-- again around each type change (a text default cannot be cast on its own).

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'ANNOTATOR');
CREATE TYPE "LayerKind" AS ENUM ('ANNOTATOR', 'GOLD', 'SUGGESTIONS');
CREATE TYPE "LayerStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'REJECTED');
CREATE TYPE "LabelKind" AS ENUM ('ENTITY', 'QUOTE', 'CUE', 'CITED_SOURCE');
CREATE TYPE "ReviewState" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'DISMISSED');
CREATE TYPE "ReviewVerdict" AS ENUM ('APPROVE', 'REJECT');

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role" USING "role"::"Role";

ALTER TABLE "UserAuditEvent"
  ALTER COLUMN "before" TYPE JSONB USING "before"::jsonb,
  ALTER COLUMN "after" TYPE JSONB USING "after"::jsonb;

ALTER TABLE "Label"
  ALTER COLUMN "kind" DROP DEFAULT,
  ALTER COLUMN "kind" TYPE "LabelKind" USING "kind"::"LabelKind",
  ALTER COLUMN "kind" SET DEFAULT 'ENTITY';

ALTER TABLE "Document"
  ALTER COLUMN "metadata" DROP DEFAULT,
  ALTER COLUMN "metadata" TYPE JSONB USING "metadata"::jsonb,
  ALTER COLUMN "metadata" SET DEFAULT '{}';

ALTER TABLE "Layer"
  ALTER COLUMN "kind" TYPE "LayerKind" USING "kind"::"LayerKind",
  ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "status" TYPE "LayerStatus" USING "status"::"LayerStatus",
  ALTER COLUMN "status" SET DEFAULT 'NOT_STARTED';

ALTER TABLE "Annotation"
  ALTER COLUMN "reviewState" DROP DEFAULT,
  ALTER COLUMN "reviewState" TYPE "ReviewState" USING "reviewState"::"ReviewState",
  ALTER COLUMN "reviewState" SET DEFAULT 'PENDING',
  ALTER COLUMN "attributes" DROP DEFAULT,
  ALTER COLUMN "attributes" TYPE JSONB USING "attributes"::jsonb,
  ALTER COLUMN "attributes" SET DEFAULT '{}';

ALTER TABLE "Stance"
  ALTER COLUMN "reviewState" DROP DEFAULT,
  ALTER COLUMN "reviewState" TYPE "ReviewState" USING "reviewState"::"ReviewState",
  ALTER COLUMN "reviewState" SET DEFAULT 'PENDING';

ALTER TABLE "SourceGrade"
  ALTER COLUMN "reviewState" DROP DEFAULT,
  ALTER COLUMN "reviewState" TYPE "ReviewState" USING "reviewState"::"ReviewState",
  ALTER COLUMN "reviewState" SET DEFAULT 'PENDING';

ALTER TABLE "ReviewDecision" ALTER COLUMN "decision" TYPE "ReviewVerdict" USING "decision"::"ReviewVerdict";

ALTER TABLE "AuditEvent"
  ALTER COLUMN "before" TYPE JSONB USING "before"::jsonb,
  ALTER COLUMN "after" TYPE JSONB USING "after"::jsonb;
