-- A category's name is unique within its project, whatever its case: two
-- imports running at once once made two "Chargebacks" categories, and a
-- reader cannot tell such look-alikes apart. The application stores names
-- trimmed and NFC-normalised, and existing names are brought into that form
-- here (normalize() needs a UTF-8 database, the only encoding Shipshape
-- creates: other databases keep their names as they are).
--
-- Existing duplicates are kept, with their items, and renamed "Name (2)",
-- "Name (3)" … in position order, so the migration never fails on them and
-- nothing is lost. Where such a name is taken already, the category's id is
-- the suffix instead. (Statements here hold no semicolon but their last:
-- the migration runner splits the file on them.)

UPDATE "category" SET "name" = btrim("name") WHERE "name" <> btrim("name");

UPDATE "category"
SET "name" = CASE WHEN current_setting('server_encoding') = 'UTF8' THEN normalize("name", NFC) ELSE "name" END
WHERE "name" <> CASE WHEN current_setting('server_encoding') = 'UTF8' THEN normalize("name", NFC) ELSE "name" END;

WITH "ranked" AS (
  SELECT "id", "projectId", "name",
    row_number() OVER (PARTITION BY "projectId", lower("name") ORDER BY "position", "createdAt", "id") AS "rank"
  FROM "category"
)
UPDATE "category" AS "c"
SET "name" = CASE
  WHEN EXISTS (SELECT 1 FROM "category" AS "o" WHERE "o"."projectId" = "r"."projectId" AND lower("o"."name") = lower("r"."name" || ' (' || "r"."rank" || ')'))
    THEN "r"."name" || ' (' || "r"."id" || ')'
  ELSE "r"."name" || ' (' || "r"."rank" || ')'
END
FROM "ranked" AS "r"
WHERE "c"."id" = "r"."id" AND "r"."rank" > 1;

-- An index on an expression: prisma/schema.prisma cannot state it.
CREATE UNIQUE INDEX "category_projectId_lower_name_key" ON "category" ("projectId", lower("name"));
