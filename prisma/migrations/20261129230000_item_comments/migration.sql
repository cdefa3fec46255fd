-- Comments: a discussion on every checklist item, in Markdown, with mentions
-- of team members. A comment goes with its item (and so with its project);
-- its author's account may go before it, leaving the name it was posted under.

-- CreateTable
CREATE TABLE "comment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorTokenId" TEXT,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mentionedUserIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "comment_itemId_createdAt_idx" ON "comment"("itemId", "createdAt");

-- CreateIndex
CREATE INDEX "comment_teamId_projectId_idx" ON "comment"("teamId", "projectId");

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
