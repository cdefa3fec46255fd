-- Items may have no priority yet ("needs triage").
ALTER TABLE "item" ALTER COLUMN "priority" DROP NOT NULL,
ALTER COLUMN "priority" DROP DEFAULT;

-- Team templates may leave priority and effort open.
ALTER TABLE "template_item" ALTER COLUMN "priority" DROP NOT NULL,
ALTER COLUMN "effortHours" DROP NOT NULL;

-- Open items per snapshot, for the forecast's item-count pace.
ALTER TABLE "readiness_snapshot" ADD COLUMN "openItems" INTEGER;
