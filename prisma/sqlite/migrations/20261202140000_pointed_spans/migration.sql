-- A send-back comment can point at spans of the layer (a snapshot of each).
ALTER TABLE "ReviewDecision" ADD COLUMN "spans" TEXT NOT NULL DEFAULT '[]';
