-- AlterTable
ALTER TABLE "readiness_snapshot" ADD COLUMN     "launchBlockerIds" JSONB;

