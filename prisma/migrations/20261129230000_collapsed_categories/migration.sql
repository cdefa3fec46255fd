-- The checklist categories each person has folded away, per project: their
-- own view, rendered folded on every visit. Goes with the person or the category.

-- CreateTable
CREATE TABLE "collapsed_category" (
    "userId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collapsed_category_pkey" PRIMARY KEY ("userId","categoryId")
);

-- CreateIndex
CREATE INDEX "collapsed_category_userId_projectId_idx" ON "collapsed_category"("userId", "projectId");

-- AddForeignKey
ALTER TABLE "collapsed_category" ADD CONSTRAINT "collapsed_category_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collapsed_category" ADD CONSTRAINT "collapsed_category_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "category"("id") ON DELETE CASCADE ON UPDATE CASCADE;
