-- AlterTable
ALTER TABLE "Layer" ADD COLUMN     "seat" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Layer_documentId_seat_key" ON "Layer"("documentId", "seat");

