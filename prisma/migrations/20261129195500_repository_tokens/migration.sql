-- Read tokens for repository checks, stored sealed (AES-256-GCM), one per team and git host.
CREATE TABLE "repository_token" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "username" TEXT,
    "sealedToken" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "repository_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "repository_token_teamId_host_key" ON "repository_token"("teamId", "host");

-- AddForeignKey
ALTER TABLE "repository_token" ADD CONSTRAINT "repository_token_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
