-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ITEM_ASSIGNED', 'ITEM_DUE_SOON', 'ITEM_OVERDUE', 'EVIDENCE_EXPIRING', 'EVIDENCE_EXPIRED', 'CHECK_FAILING', 'CHECK_RECOVERED', 'WAIVER_REQUESTED', 'WAIVER_APPROVED', 'WAIVER_REJECTED', 'WAIVER_EXPIRING', 'LEVEL_RAISED', 'LEVEL_LOWERED', 'NEW_LAUNCH_BLOCKER', 'COMMENT_ADDED', 'MENTIONED', 'INVITATION_ACCEPTED');

-- CreateTable
CREATE TABLE "notification_event" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "projectId" TEXT,
    "itemId" TEXT,
    "kind" "NotificationKind" NOT NULL,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "projectId" TEXT,
    "itemId" TEXT,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_event_teamId_createdAt_idx" ON "notification_event"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "notification_event_createdAt_idx" ON "notification_event"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notification_event_teamId_dedupeKey_key" ON "notification_event"("teamId", "dedupeKey");

-- CreateIndex
CREATE INDEX "notification_userId_teamId_readAt_idx" ON "notification"("userId", "teamId", "readAt");

-- CreateIndex
CREATE INDEX "notification_userId_teamId_createdAt_idx" ON "notification"("userId", "teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notification_eventId_userId_key" ON "notification"("eventId", "userId");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "notification_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

