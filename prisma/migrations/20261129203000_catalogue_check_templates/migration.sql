-- Suggested checks of a catalogue item: check settings with placeholders
-- ({productionUrl}, {productionHost}, {repositoryUrl}) that a project's URLs
-- fill (docs/adr/0033-check-suggestions.md). Empty for team templates.

-- AlterTable
ALTER TABLE "template_item" ADD COLUMN     "checks" JSONB NOT NULL DEFAULT '[]';
