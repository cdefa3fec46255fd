-- API tokens, team slugs and token actors in the activity log.

-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'WRITE');

-- AlterTable
ALTER TABLE "activity" ADD COLUMN     "actorTokenId" TEXT;

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "addedByLabel" TEXT;

-- AlterTable
ALTER TABLE "item" ADD COLUMN     "updatedByLabel" TEXT;

-- AlterTable: existing teams get a slug from their name, and a clash with an
-- earlier team of the same name gets that team's id appended.
ALTER TABLE "team" ADD COLUMN     "slug" TEXT;
WITH named AS (
  SELECT "id",
         COALESCE(NULLIF(trim(BOTH '-' FROM regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g')), ''), 'team') AS base,
         row_number() OVER (
           PARTITION BY COALESCE(NULLIF(trim(BOTH '-' FROM regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g')), ''), 'team')
           ORDER BY "createdAt", "id"
         ) AS n
  FROM "team"
)
UPDATE "team" SET "slug" = CASE WHEN named.n = 1 THEN left(named.base, 40) ELSE left(named.base, 40) || '-' || lower(team."id") END
FROM named WHERE named."id" = "team"."id";
ALTER TABLE "team" ALTER COLUMN "slug" SET NOT NULL;

-- CreateTable
CREATE TABLE "api_rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "api_rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "ApiTokenScope" NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_token_tokenHash_key" ON "api_token"("tokenHash");

-- CreateIndex
CREATE INDEX "api_token_teamId_createdAt_idx" ON "api_token"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "team_slug_key" ON "team"("slug");

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
