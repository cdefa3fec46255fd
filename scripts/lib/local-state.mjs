// Where a local install keeps its state (embedded database, generated secrets)
// and the secrets generated on first start, so that no default password or
// key exists anywhere and sessions survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function dataDirectory() {
  return path.resolve(process.env.SHIPSHAPE_DATA_DIR || ".data");
}

export function localSecrets() {
  const dir = dataDirectory();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "secrets.json");
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets = {
    authSecret: stored.authSecret || randomBytes(32).toString("base64url"),
    postgresPassword: stored.postgresPassword || randomBytes(24).toString("base64url"),
  };
  if (secrets.authSecret !== stored.authSecret || secrets.postgresPassword !== stored.postgresPassword) {
    writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
