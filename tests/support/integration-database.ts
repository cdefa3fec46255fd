// Gives the integration run a database of its own on the server at
// DATABASE_URL (with-database.mjs starts an embedded one when it is unset),
// applies the migrations, and drops it afterwards.
import { createScratchDatabase, prepareDatabase } from "../../scripts/lib/database.mjs";

export default async function setup() {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error("DATABASE_URL is not set; run through `npm run test:integration`.");
  const scratch = await createScratchDatabase(server, "shipshape_it");
  await prepareDatabase(scratch.url);
  process.env.DATABASE_URL = scratch.url;
  process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
  process.env.APP_URL ??= "http://localhost:3000";
  return async () => {
    await scratch.drop();
  };
}
