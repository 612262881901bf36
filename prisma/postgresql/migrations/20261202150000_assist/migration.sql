-- Pre-annotation: model endpoints, background jobs, the origin of suggested
-- spans, and annotators' answers to suggestions.
CREATE TYPE "JobState" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED');
CREATE TYPE "SuggestionAnswer" AS ENUM ('ACCEPTED', 'REJECTED');

ALTER TABLE "Project" ADD COLUMN "allowExternalModels" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Annotation" ADD COLUMN "origin" TEXT;

CREATE TABLE "ModelEndpoint" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "apiKeyEncrypted" TEXT,
    "timeoutMs" INTEGER NOT NULL DEFAULT 60000,
    "maxRetries" INTEGER NOT NULL DEFAULT 3,
    "requestsPerMinute" INTEGER NOT NULL DEFAULT 60,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ModelEndpoint_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ModelEndpoint_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ModelEndpoint_projectId_name_key" ON "ModelEndpoint"("projectId", "name");

CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" "JobState" NOT NULL DEFAULT 'QUEUED',
    "params" JSONB NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "result" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "workerId" TEXT,
    CONSTRAINT "Job_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Job_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Job_state_heartbeatAt_idx" ON "Job"("state", "heartbeatAt");
CREATE INDEX "Job_projectId_createdAt_idx" ON "Job"("projectId", "createdAt");

CREATE TABLE "SuggestionVerdict" (
    "id" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "answer" "SuggestionAnswer" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuggestionVerdict_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SuggestionVerdict_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SuggestionVerdict_annotationId_userId_key" ON "SuggestionVerdict"("annotationId", "userId");
CREATE INDEX "SuggestionVerdict_userId_idx" ON "SuggestionVerdict"("userId");
