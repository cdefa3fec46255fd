-- DropForeignKey
ALTER TABLE "invitation" DROP CONSTRAINT "invitation_invitedById_fkey";

-- AlterTable
ALTER TABLE "invitation" ALTER COLUMN "invitedById" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

