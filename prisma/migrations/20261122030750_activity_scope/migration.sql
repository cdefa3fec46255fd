-- AlterTable
ALTER TABLE "activity" ADD COLUMN     "itemId" TEXT,
ADD COLUMN     "projectId" TEXT;

-- CreateIndex
CREATE INDEX "activity_teamId_projectId_createdAt_idx" ON "activity"("teamId", "projectId", "createdAt");

-- CreateIndex
CREATE INDEX "activity_teamId_itemId_createdAt_idx" ON "activity"("teamId", "itemId", "createdAt");

