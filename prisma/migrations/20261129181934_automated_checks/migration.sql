-- Automated checks on items (issue 16): a check with its schedule and state,
-- and the results of its runs. Both go with their item: deleting the item or
-- its project deletes its checks and their results. A CHECK_RESULT evidence
-- names the check whose latest result it is, and outlives it until it expires.

-- CreateEnum
CREATE TYPE "CheckKind" AS ENUM ('HTTP', 'TLS', 'DNS', 'REPOSITORY', 'REPORTED');

-- CreateEnum
CREATE TYPE "CheckState" AS ENUM ('PENDING', 'PASSING', 'FAILING');

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "checkId" TEXT;

-- CreateTable
CREATE TABLE "item_check" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" "CheckKind" NOT NULL,
    "settings" JSONB NOT NULL,
    "intervalMinutes" INTEGER NOT NULL DEFAULT 60,
    "failuresBeforeFailing" INTEGER NOT NULL DEFAULT 2,
    "failingStatus" "ItemStatus" NOT NULL DEFAULT 'MISSING',
    "state" "CheckState" NOT NULL DEFAULT 'PENDING',
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastRunAt" TIMESTAMP(3),
    "nextRunAt" TIMESTAMP(3),
    "failingSince" TIMESTAMP(3),
    "lastSummary" TEXT,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "item_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "check_result" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "check_result_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "item_check_teamId_projectId_idx" ON "item_check"("teamId", "projectId");

-- CreateIndex
CREATE INDEX "item_check_itemId_idx" ON "item_check"("itemId");

-- CreateIndex
CREATE INDEX "item_check_nextRunAt_idx" ON "item_check"("nextRunAt");

-- CreateIndex
CREATE INDEX "check_result_checkId_ranAt_idx" ON "check_result"("checkId", "ranAt" DESC);

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "item_check"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_check" ADD CONSTRAINT "item_check_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_check" ADD CONSTRAINT "item_check_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_check" ADD CONSTRAINT "item_check_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_result" ADD CONSTRAINT "check_result_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "item_check"("id") ON DELETE CASCADE ON UPDATE CASCADE;

