-- CreateEnum
CREATE TYPE "NotificationCadence" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY', 'OFF');

-- CreateEnum
CREATE TYPE "EmailDeliveryStatus" AS ENUM ('CLAIMED', 'SENT', 'RETRY', 'FAILED', 'ABANDONED', 'DEFERRED');

-- CreateTable
CREATE TABLE "notification_preference" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "cadence" "NotificationCadence" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_delivery" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "notificationIds" TEXT[],
    "status" "EmailDeliveryStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_preference_teamId_idx" ON "notification_preference"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "notification_preference_userId_teamId_kind_key" ON "notification_preference"("userId", "teamId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "email_delivery_key_key" ON "email_delivery"("key");

-- CreateIndex
CREATE INDEX "email_delivery_userId_cadence_claimedAt_idx" ON "email_delivery"("userId", "cadence", "claimedAt");

-- CreateIndex
CREATE INDEX "email_delivery_status_claimedAt_idx" ON "email_delivery"("status", "claimedAt");

-- CreateIndex
CREATE INDEX "email_delivery_createdAt_idx" ON "email_delivery"("createdAt");

-- AddForeignKey
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_delivery" ADD CONSTRAINT "email_delivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

