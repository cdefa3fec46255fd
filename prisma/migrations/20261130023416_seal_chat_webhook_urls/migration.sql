-- Slack and Teams addresses are secrets: new rows keep them sealed here and
-- only a masked form in "url". Rows stored before keep their address in
-- "url" and go on working, until the delivery pass seals them with the key.
-- AlterTable
ALTER TABLE "webhook" ADD COLUMN     "sealedUrl" TEXT;

