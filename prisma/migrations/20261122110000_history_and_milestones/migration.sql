-- CreateEnum
CREATE TYPE "SnapshotTrigger" AS ENUM ('CHANGE', 'DAILY');

-- CreateTable
CREATE TABLE "readiness_snapshot" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "trigger" "SnapshotTrigger" NOT NULL,
    "readinessPercent" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "launchBlockers" INTEGER NOT NULL,
    "remainingEffortHours" DOUBLE PRECISION NOT NULL,
    "applicable" INTEGER NOT NULL,
    "categories" JSONB NOT NULL,

    CONSTRAINT "readiness_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "readiness_snapshot_teamId_projectId_takenAt_idx" ON "readiness_snapshot"("teamId", "projectId", "takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "readiness_snapshot_projectId_hour_key" ON "readiness_snapshot"("projectId", "hour");

-- CreateIndex
CREATE INDEX "milestone_teamId_projectId_createdAt_idx" ON "milestone"("teamId", "projectId", "createdAt");

-- AddForeignKey
ALTER TABLE "readiness_snapshot" ADD CONSTRAINT "readiness_snapshot_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

