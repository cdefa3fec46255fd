#!/usr/bin/env node
// Loads the built-in catalogue into the database. Idempotent and cheap when
// the stored version is current, so every start (npm start, the container
// entrypoint, the test servers) runs it after the migrations.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { readCatalogue } from "./catalogue.mjs";

// Serialises concurrent starts against the same database.
const SEED_LOCK = 7_310_001;

export async function seedCatalogue(url, { log = () => {} } = {}) {
  const catalogue = readCatalogue();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK]);
    const { rows } = await client.query('SELECT version FROM template WHERE "teamId" IS NULL AND key = $1', [catalogue.key]);
    if (rows[0]?.version === catalogue.version) {
      await client.query("ROLLBACK");
      return { changed: false, version: catalogue.version };
    }
    // Projects copy what they use, so replacing the catalogue never touches them.
    await client.query('DELETE FROM template WHERE "teamId" IS NULL AND key = $1', [catalogue.key]);
    const templateId = randomUUID();
    await client.query(
      'INSERT INTO template (id, "teamId", key, name, description, version, "updatedAt") VALUES ($1, NULL, $2, $3, $4, $5, now())',
      [templateId, catalogue.key, catalogue.name, catalogue.description, catalogue.version],
    );
    for (const [categoryPosition, category] of catalogue.categories.entries()) {
      const categoryId = randomUUID();
      await client.query(
        'INSERT INTO template_category (id, "templateId", key, name, description, position, "enabledByDefault") VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [categoryId, templateId, category.key, category.name, category.description, categoryPosition, category.enabledByDefault],
      );
      for (const [position, item] of category.items.entries()) {
        await client.query(
          'INSERT INTO template_item (id, "categoryId", key, title, why, "howToVerify", priority, "effortHours", position, checks) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
          [randomUUID(), categoryId, item.key, item.title, item.why, item.verify, item.priority, item.effort, position, JSON.stringify(item.checks)],
        );
      }
    }
    await client.query("COMMIT");
    const items = catalogue.categories.reduce((sum, category) => sum + category.items.length, 0);
    log(`Loaded the built-in catalogue v${catalogue.version} (${catalogue.categories.length} categories, ${items} items).`);
    return { changed: true, version: catalogue.version };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set.");
    process.exit(2);
  }
  await seedCatalogue(process.env.DATABASE_URL, { log: (message) => console.error(`[shipshape] ${message}`) });
}
