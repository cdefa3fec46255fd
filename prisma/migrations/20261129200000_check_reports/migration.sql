-- Results that pipelines report for reported checks (POST .../checks/{id}/results).
-- A report is the input of the runs of its check, kept apart from check_result
-- (the runs themselves, trimmed per run), and goes with its check.

-- CreateTable
CREATE TABLE "check_report" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "summary" TEXT,
    "details" JSONB,
    "url" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reportedById" TEXT,
    "reportedByLabel" TEXT,

    CONSTRAINT "check_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "check_report_checkId_reportedAt_idx" ON "check_report"("checkId", "reportedAt" DESC);

-- AddForeignKey
ALTER TABLE "check_report" ADD CONSTRAINT "check_report_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "item_check"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_report" ADD CONSTRAINT "check_report_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
