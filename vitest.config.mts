import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Outside Next's bundler "server-only" has nothing to guard.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts", "components/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/integration-database.ts"],
          // One PostgreSQL, one worker: tests share the scratch database.
          fileParallelism: false,
          testTimeout: 20_000,
          // Set-up and clean-up make and drop databases, slow on a busy machine.
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
