// Prisma CLI configuration. The CLI runs Prisma's bundled WebAssembly schema
// engine through a PostgreSQL driver adapter, so it never downloads a native
// engine (docs/adr/0001-prisma-wasm-schema-engine.md).
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { createCliAdapter } from "./prisma/cli-adapter";

// `prisma generate` runs on install before any database exists; a placeholder
// keeps the CLI from looking for an engine to download.
process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:5432/placeholder";

export default {
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  migrations: { seed: "node prisma/seed.mjs" },
  experimental: { adapter: true },
  async adapter() {
    return createCliAdapter(process.env.DATABASE_URL as string);
  },
} satisfies PrismaConfig;
