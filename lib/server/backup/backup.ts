// `shipshape backup`: every table of the public schema from one snapshot,
// as COPY text in a gzip'd tar with a manifest (docs/adr/0025-logical-backups.md).
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { create as createTar } from "tar";
import { appliedMigrations, copyOutStatement, publicTables } from "./catalog";
import { tally } from "./copy-stream";
import { release, scratchFolder, track } from "./scratch";
import { ARCHIVE_FORMAT, BackupError, FORMAT_VERSION, MANIFEST_FILE, SESSION_SETTINGS, TRANSIENT_TABLES, tableFile, type Manifest } from "./format";

export type BackupResult = { manifest: Manifest; bytes: number };

/**
 * Writes an archive of the database at `url` to `out`: a file path (written
 * with mode 0600 under a temporary name, then renamed, so a failed backup
 * leaves no half archive), or a stream such as stdout. The tables are read in
 * one REPEATABLE READ, READ ONLY transaction: one consistent snapshot while
 * the server keeps serving. Staged in a private temporary folder first,
 * because a tar entry's header needs its size before its data.
 */
export async function backupDatabase(url: string, out: string | Writable, shipshapeVersion: string): Promise<BackupResult> {
  // Before reading a byte: a wrong --out should not cost a full backup.
  if (typeof out === "string") await checkDestination(out);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError("UNREACHABLE", `Cannot connect to the database (${(error as Error).message}). Check DATABASE_URL.`);
  }
  const staging = await scratchFolder("shipshape-backup-");
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    for (const setting of SESSION_SETTINGS) await client.query(setting);
    const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
    const migrations = await appliedMigrations(client);
    const excluded: readonly string[] = TRANSIENT_TABLES;
    const tables = (await publicTables(client)).filter((table) => !excluded.includes(table.name));
    await mkdir(path.join(staging, "tables"), { mode: 0o700 });
    const entries: Manifest["tables"] = [];
    for (const table of tables) {
      const { stream, totals } = tally();
      await pipeline(client.query(copyTo(copyOutStatement(table))), stream, createWriteStream(path.join(staging, tableFile(table.name)), { mode: 0o600 }));
      entries.push({ name: table.name, columns: table.columns, primaryKey: table.primaryKey, ...totals });
    }
    await client.query("COMMIT");
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: FORMAT_VERSION,
      shipshapeVersion,
      createdAt: new Date().toISOString(),
      postgresVersion: version[0].server_version,
      migrations,
      excludedTables: [...TRANSIENT_TABLES],
      tables: entries,
    };
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const files = [MANIFEST_FILE, ...entries.map((entry) => tableFile(entry.name))];
    const { stream: counter, totals } = tally();
    const archive = createTar({ gzip: true, cwd: staging, portable: true }, files);
    if (typeof out === "string") {
      const partial = `${out}.partial`;
      await rm(partial, { force: true });
      track(partial);
      try {
        await pipeline(archive, counter, createWriteStream(partial, { mode: 0o600 }));
        await rename(partial, out);
      } finally {
        await release(partial);
      }
    } else {
      await pipeline(archive, counter, out, { end: false });
    }
    return { manifest, bytes: totals.bytes };
  } finally {
    await client.end();
    await release(staging);
  }
}

/** Throws BackupError BACKUP_FAILED when `file` cannot be the archive: its folder is missing, or it is a folder. An existing file is replaced. */
async function checkDestination(file: string) {
  const folder = path.dirname(file);
  const kind = async (name: string) => stat(name).then((stats) => (stats.isDirectory() ? "folder" : "file"), () => null);
  if ((await kind(folder)) !== "folder") throw new BackupError("BACKUP_FAILED", `Cannot write ${file}: the folder ${folder} does not exist. Create it first.`);
  if ((await kind(file)) === "folder") throw new BackupError("BACKUP_FAILED", `Cannot write ${file}: it is a folder. Name a file in it, e.g. ${path.join(file, "shipshape-backup.tar.gz")}.`);
}
