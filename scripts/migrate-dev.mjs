#!/usr/bin/env node
// `npm run db:migrate:create -- <name>`: diffs prisma/schema.prisma against the
// migrations, writes a new migration under prisma/migrations and applies it
// (Prisma's `migrate dev`, through the CLI adapter in prisma/cli-adapter.ts).
import { runPrisma } from "./lib/database.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migrate:create -- <name_in_snake_case>");
  process.exit(2);
}
process.exit(await runPrisma(["migrate", "dev", "--name", name], process.env.DATABASE_URL));
