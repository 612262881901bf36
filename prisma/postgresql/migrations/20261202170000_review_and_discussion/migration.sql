-- Review and discussion: threads on spans, stances, grades and documents with
-- @mentions; document-level label sets; entity merges (undoable); gold stances
-- remember the annotator stance they came from.
CREATE TYPE "ThreadAnchor" AS ENUM ('DOCUMENT', 'SPAN', 'STANCE', 'GRADE');
ALTER TABLE "Stance" ADD COLUMN "originId" TEXT;

CREATE TABLE "Thread" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "anchorKind" "ThreadAnchor" NOT NULL,
    "anchorId" TEXT,
    "layerId" TEXT,
    "anchorSnapshot" JSONB NOT NULL DEFAULT '{}',
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Thread_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Thread_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thread_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Thread_documentId_createdAt_idx" ON "Thread"("documentId", "createdAt");
CREATE INDEX "Thread_anchorId_idx" ON "Thread"("anchorId");

CREATE TABLE "ThreadPost" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "editedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ThreadPost_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ThreadPost_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ThreadPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "ThreadPost_threadId_createdAt_idx" ON "ThreadPost"("threadId", "createdAt");

CREATE TABLE "Mention" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Mention_postId_fkey" FOREIGN KEY ("postId") REFERENCES "ThreadPost"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Mention_postId_userId_key" ON "Mention"("postId", "userId");
CREATE INDEX "Mention_userId_readAt_createdAt_idx" ON "Mention"("userId", "readAt", "createdAt");

CREATE TABLE "DocLabelSet" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocLabelSet_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DocLabelSet_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "DocLabelSet_projectId_name_key" ON "DocLabelSet"("projectId", "name");

CREATE TABLE "DocLabelChoice" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "hotkey" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "DocLabelChoice_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DocLabelChoice_setId_fkey" FOREIGN KEY ("setId") REFERENCES "DocLabelSet"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "DocLabelChoice_setId_name_key" ON "DocLabelChoice"("setId", "name");

CREATE TABLE "DocLabelValue" (
    "id" TEXT NOT NULL,
    "layerId" TEXT NOT NULL,
    "choiceId" TEXT NOT NULL,
    "reviewState" "ReviewState" NOT NULL DEFAULT 'PENDING',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocLabelValue_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DocLabelValue_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocLabelValue_choiceId_fkey" FOREIGN KEY ("choiceId") REFERENCES "DocLabelChoice"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "DocLabelValue_layerId_choiceId_key" ON "DocLabelValue"("layerId", "choiceId");
CREATE INDEX "DocLabelValue_choiceId_idx" ON "DocLabelValue"("choiceId");

CREATE TABLE "EntityMerge" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "intoId" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "actorId" TEXT NOT NULL,
    "undoneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EntityMerge_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "EntityMerge_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "EntityMerge_projectId_createdAt_idx" ON "EntityMerge"("projectId", "createdAt");
CREATE INDEX "EntityMerge_intoId_idx" ON "EntityMerge"("intoId");
