// `shipshape backup` and `shipshape restore` (docs/operations.md): the
// whole database as one archive, and back.
import { createWriteStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { backupDatabase } from "@/lib/server/backup/backup";
import { BackupError } from "@/lib/server/backup/format";
import { restoreDatabase } from "@/lib/server/backup/restore";
import { release, removeScratch, scratchFolder } from "@/lib/server/backup/scratch";
import { CliError, succeed, usageError, type Output } from "@/lib/cli/output";
import packageJson from "@/package.json";
import { availableMigrations, migrate } from "@/scripts/lib/migrations.mjs";

const databaseUrl = () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new CliError({ code: "INTERNAL", message: "DATABASE_URL is not set; run through the shipshape command." });
  return url;
};

// The default name sorts by time and carries no colon (Windows, scp).
export const defaultBackupName = (now = new Date()) => `shipshape-backup-${now.toISOString().slice(0, 19).replace(/:/g, "-")}Z.tar.gz`;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

// Ctrl-C, or the shipshape wrapper passing SIGINT/SIGTERM on: the staged or
// unpacked tables (password hashes included) and a half-written archive go
// with the process. PostgreSQL rolls back an unfinished loading transaction
// when the connection drops.
function removeScratchOnInterrupt() {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      removeScratch();
      process.stderr.write(`shipshape: interrupted (${signal}); temporary files removed.\n`);
      process.exit(code);
    });
  }
}

/** `shipshape backup [--out FILE|-]`: FILE defaults to a time-stamped name here; `-` writes the archive to stdout. */
export async function backupCommand(options: { out?: string }, output: Output) {
  const toStdout = options.out === "-";
  // A gzip'd tar on a terminal is noise, and no archive.
  if (toStdout && process.stdout.isTTY) throw usageError("--out - writes the archive to stdout, which is a terminal here: redirect it to a file (> shipshape.tar.gz) or pipe it on.");
  removeScratchOnInterrupt();
  const started = Date.now();
  const file = toStdout ? null : path.resolve(options.out ?? defaultBackupName());
  const { manifest, bytes } = await mapErrors("BACKUP_FAILED", () => backupDatabase(databaseUrl(), file ?? process.stdout, packageJson.version));
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  const summary = {
    file: file ?? "-",
    bytes,
    tables: manifest.tables.map(({ name, rows: count }) => ({ name, rows: count })),
    rows,
    migrations: manifest.migrations.length,
    seconds: (Date.now() - started) / 1000,
  };
  const line = `Backed up ${manifest.tables.length} tables (${rows} rows) at ${manifest.migrations.length} migrations to ${file ?? "stdout"} (${megabytes(bytes)}, ${summary.seconds.toFixed(1)} s). It holds password and token hashes: keep it private.`;
  // The archive owns stdout when it goes there; the summary then goes to stderr.
  if (toStdout) process.stderr.write(`${output.json ? JSON.stringify(summary) : line}\n`);
  else succeed(output, summary, [line]);
}

/** `shipshape restore FILE|- [--force]`; `-` reads the archive from stdin (e.g. into a container). */
export async function restoreCommand(file: string | undefined, options: { force?: boolean }, output: Output) {
  if (!file) throw usageError("restore needs the archive: shipshape restore FILE [--force].");
  // Otherwise it would wait, silently, for an archive typed at the keyboard.
  if (file === "-" && process.stdin.isTTY) throw usageError("restore - reads the archive from stdin, which is a terminal here: redirect the file into it (< shipshape.tar.gz) or pipe it in.");
  removeScratchOnInterrupt();
  const started = Date.now();
  // The archive is read twice (checked, then loaded), so stdin is kept in a private file first.
  const staging = file === "-" ? await scratchFolder("shipshape-stdin-") : null;
  const archive = staging ? path.join(staging, "archive.tar.gz") : file;
  let result;
  try {
    if (staging) await pipeline(process.stdin, createWriteStream(archive, { mode: 0o600 }));
    result = await mapErrors("RESTORE_FAILED", () =>
      restoreDatabase(databaseUrl(), archive, {
        force: Boolean(options.force),
        label: staging ? "The archive on stdin" : file,
        migrator: { available: availableMigrations(), migrate: (url, only) => migrate(url, { only }) },
      }),
    );
  } finally {
    if (staging) await release(staging);
  }
  const rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
  const seconds = (Date.now() - started) / 1000;
  const width = Math.max(...result.tables.map((table) => table.name.length));
  succeed(output, { ...result, manifest: undefined, takenAt: result.manifest.createdAt, shipshapeVersion: result.manifest.shipshapeVersion, rows, seconds }, [
    `Restored ${result.tables.length} tables (${rows} rows) from ${file === "-" ? "stdin" : file}, taken ${result.manifest.createdAt} by Shipshape ${result.manifest.shipshapeVersion} on PostgreSQL ${result.manifest.postgresVersion}${result.replaced ? ", replacing the data that was there" : ""} (${seconds.toFixed(1)} s):`,
    ...result.tables.map((table) => `  ${table.name.padEnd(width)}  ${table.rows}`),
    ...(result.migratedAfter.length > 0 ? [`Then applied ${result.migratedAfter.length} newer migrations: ${result.migratedAfter.join(", ")}.`] : []),
    "Everyone signs in again: sessions are not part of a backup.",
  ]);
}

// An operator sees a sentence, not a stack trace: anything the backup code
// did not foresee (a full disk, a dropped connection) keeps its message under
// the command's failure code.
async function mapErrors<T>(code: "BACKUP_FAILED" | "RESTORE_FAILED", work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CliError({ code: error.code, message: error.message });
    if (error instanceof CliError) throw error;
    throw new CliError({ code, message: `${code === "BACKUP_FAILED" ? "The backup" : "The restore"} failed: ${(error as Error).message ?? String(error)}` });
  }
}
