-- Review and discussion: threads on spans, stances, grades and documents with
-- @mentions; document-level label sets; entity merges (undoable); gold stances
-- remember the annotator stance they came from.
ALTER TABLE "Stance" ADD COLUMN "originId" TEXT;

CREATE TABLE "Thread" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "anchorKind" TEXT NOT NULL,
    "anchorId" TEXT,
    "layerId" TEXT,
    "anchorSnapshot" TEXT NOT NULL DEFAULT '{}',
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Thread_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thread_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Thread_documentId_createdAt_idx" ON "Thread"("documentId", "createdAt");
CREATE INDEX "Thread_anchorId_idx" ON "Thread"("anchorId");

CREATE TABLE "ThreadPost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "editedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ThreadPost_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ThreadPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "ThreadPost_threadId_createdAt_idx" ON "ThreadPost"("threadId", "createdAt");

CREATE TABLE "Mention" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Mention_postId_fkey" FOREIGN KEY ("postId") REFERENCES "ThreadPost" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Mention_postId_userId_key" ON "Mention"("postId", "userId");
CREATE INDEX "Mention_userId_readAt_createdAt_idx" ON "Mention"("userId", "readAt", "createdAt");

CREATE TABLE "DocLabelSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocLabelSet_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "DocLabelSet_projectId_name_key" ON "DocLabelSet"("projectId", "name");

CREATE TABLE "DocLabelChoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "hotkey" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "DocLabelChoice_setId_fkey" FOREIGN KEY ("setId") REFERENCES "DocLabelSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "DocLabelChoice_setId_name_key" ON "DocLabelChoice"("setId", "name");

CREATE TABLE "DocLabelValue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "layerId" TEXT NOT NULL,
    "choiceId" TEXT NOT NULL,
    "reviewState" TEXT NOT NULL DEFAULT 'PENDING',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocLabelValue_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocLabelValue_choiceId_fkey" FOREIGN KEY ("choiceId") REFERENCES "DocLabelChoice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "DocLabelValue_layerId_choiceId_key" ON "DocLabelValue"("layerId", "choiceId");
CREATE INDEX "DocLabelValue_choiceId_idx" ON "DocLabelValue"("choiceId");

CREATE TABLE "EntityMerge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "intoId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "undoneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EntityMerge_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "EntityMerge_projectId_createdAt_idx" ON "EntityMerge"("projectId", "createdAt");
CREATE INDEX "EntityMerge_intoId_idx" ON "EntityMerge"("intoId");
