#!/usr/bin/env node
// `npm run api:lint`: writes the REST API's OpenAPI document (generated from
// the zod schemas) to a temporary file and lints it with Redocly's
// recommended rules. Part of `npm test`.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "./lib/database.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-openapi-"));
const file = path.join(dir, "openapi.json");
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
try {
  let code = await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", "tsconfig.json", "scripts/write-openapi.mts", file], { cwd: root, env });
  if (code === 0) code = await run(process.execPath, [path.join(root, "node_modules/@redocly/cli/bin/cli.js"), "lint", "--format", "stylish", file], { cwd: root, env });
  process.exitCode = code;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
