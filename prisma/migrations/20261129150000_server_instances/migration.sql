-- The server instances running on this database, so that instances can tell
-- when they disagree on a setting every instance must share (AUTH_SECRET,
-- APP_URL). Rows of instances gone for a day are deleted.
CREATE TABLE "server_instance" (
    "id" TEXT NOT NULL,
    "secretCheck" TEXT NOT NULL,
    "appUrl" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "server_instance_pkey" PRIMARY KEY ("id")
);
