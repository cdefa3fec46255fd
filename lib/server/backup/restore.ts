// `shipshape restore`: loads a verified archive into a database that holds
// no Shipshape data (or, with force, replaces what it holds), at the schema
// the archive was taken at, then brings the schema up to this version
// (docs/adr/0025-logical-backups.md).
import { createReadStream } from "node:fs";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { openArchive, type OpenedArchive } from "./archive";
import { appliedMigrations, copyOutStatement, inForeignKeyOrder, publicTables, quote } from "./catalog";
import { tally } from "./copy-stream";
import { BackupError, MIGRATIONS_TABLE, SESSION_SETTINGS, type Manifest } from "./format";

/** How the restore applies Prisma migrations: this version's migration names, and a runner (all, or `only` those). */
export type Migrator = { available: string[]; migrate: (url: string, only?: string[]) => Promise<void> };

export type RestoreResult = {
  manifest: Manifest;
  /** Rows loaded per table, in the order they were loaded. */
  tables: { name: string; rows: number }[];
  /** Migrations applied after loading, to bring the archive's schema up to this version. */
  migratedAfter: string[];
  /** Whether the database held Shipshape data that `force` replaced. */
  replaced: boolean;
};

// Rows in any of these mean someone has used the installation.
const DATA_TABLES = ["user", "team", "installation"];

/**
 * Restores the archive at `file` into the database at `url`. Checks the
 * archive in full and the migrations it needs before touching anything.
 * Refuses (BackupError NOT_EMPTY) a database with Shipshape data, or with
 * tables that are not Shipshape's, unless `force`: then every table of the
 * public schema is emptied (force on a schema at other migrations drops and
 * re-creates it). The tables are loaded in one transaction and read back
 * against the archive's checksums before it commits. Messages name the
 * archive `label` (default: `file`).
 */
export async function restoreDatabase(
  url: string,
  file: string,
  { force = false, migrator, label = file }: { force?: boolean; migrator: Migrator; label?: string },
): Promise<RestoreResult> {
  const archive = await openArchive(file, label);
  try {
    const { manifest } = archive;
    const unknown = manifest.migrations.filter((name) => !migrator.available.includes(name));
    if (unknown.length > 0) {
      throw new BackupError(
        "NEWER_ARCHIVE",
        `${label} was taken by Shipshape ${manifest.shipshapeVersion} at migrations this version does not have (${unknown.join(", ")}). Restore it with Shipshape ${manifest.shipshapeVersion} or newer. Nothing was changed.`,
      );
    }
    const target = await inspect(url);
    if (target.holds && !force) {
      throw new BackupError("NOT_EMPTY", `The database ${target.holds}. Restore into an empty database, or pass --force to replace everything in it. Nothing was changed.`);
    }
    // From here on, a failure says what state it leaves behind.
    let leftAs = "nothing was changed";
    if (!sameList(target.migrations, manifest.migrations)) {
      // One transaction: when it fails, nothing is dropped.
      await failing(leftAs, "Dropping the tables of other migrations", () => dropSchemaObjects(url));
      leftAs = `its tables had been dropped to re-create them at the archive's migrations, so it is now empty${target.holds ? " (its previous data is gone: restore an archive of it)" : ""}`;
      await failing(leftAs, "Bringing the schema to the archive's migrations", () => migrator.migrate(url, manifest.migrations));
    }
    const tables = await load(url, archive, leftAs);
    const migratedAfter = migrator.available.filter((name) => !manifest.migrations.includes(name));
    if (migratedAfter.length > 0) {
      await failing("the data is restored at the archive's migrations; start Shipshape to apply the newer ones", "Applying this version's newer migrations", () => migrator.migrate(url));
    }
    return { manifest, tables, migratedAfter, replaced: Boolean(target.holds) };
  } finally {
    await archive.close();
  }
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((name, index) => name === b[index]);

// Any error of `work` (PostgreSQL's, Prisma's) as a RESTORE_FAILED that
// names the step and what it leaves behind, instead of a stack trace.
async function failing<T>(leftAs: string, step: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError("RESTORE_FAILED", `${step} failed: ${(error as Error).message.trim()}. The restore stopped; ${leftAs}.`);
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError("UNREACHABLE", `Cannot connect to the database (${(error as Error).message}). Check DATABASE_URL; nothing was changed.`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The target's migrations, and what it holds that a restore would replace (a phrase, or null). */
async function inspect(url: string): Promise<{ migrations: string[]; holds: string | null }> {
  return withClient(url, async (client) => {
    const migrations = await appliedMigrations(client);
    const tables = (await publicTables(client)).map((table) => table.name);
    if (tables.length > 0 && migrations.length === 0) return { migrations, holds: `holds tables that are not Shipshape's (${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", …" : ""})` };
    const present = DATA_TABLES.filter((table) => tables.includes(table));
    if (present.length === 0) return { migrations, holds: null };
    const { rows } = await client.query<{ used: boolean }>(`SELECT ${present.map((table) => `EXISTS (SELECT 1 FROM ${quote(table)})`).join(" OR ")} AS used`);
    return { migrations, holds: rows[0].used ? "already holds Shipshape data (people, teams or a completed setup)" : null };
  });
}

// Empties the public schema of tables and enum types, Prisma's ledger
// included, so that migrating re-creates it exactly as the archive's
// version had it. One transaction: all or nothing.
async function dropSchemaObjects(url: string) {
  await withClient(url, async (client) => {
    await client.query("BEGIN");
    const { rows: tables } = await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')`);
    if (tables.length > 0) await client.query(`DROP TABLE ${tables.map((table) => quote(table.name)).join(", ")} CASCADE`);
    const { rows: types } = await client.query<{ name: string }>(`SELECT typname AS name FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'`);
    if (types.length > 0) await client.query(`DROP TYPE ${types.map((type) => quote(type.name)).join(", ")} CASCADE`);
    await client.query("COMMIT");
  });
}

// Empties every table, loads the archive's tables parents first, reads each
// back against its checksum, and sets sequences past the loaded values; one
// transaction, so a failure leaves the database as it was.
async function load(url: string, archive: OpenedArchive, leftAs: string): Promise<{ name: string; rows: number }[]> {
  const { manifest } = archive;
  return withClient(url, async (client) => {
    let step = "Loading the archive";
    try {
      await client.query("BEGIN");
      for (const setting of SESSION_SETTINGS) await client.query(setting);
      const present = new Map((await publicTables(client)).map((table) => [table.name, table]));
      for (const table of manifest.tables) {
        const columns = present.get(table.name)?.columns;
        const missing = columns ? table.columns.filter((column) => !columns.includes(column)) : ["(the table)"];
        if (missing.length > 0) throw new BackupError("RESTORE_FAILED", `Table ${table.name} lacks ${missing.join(", ")} after migrating to the archive's migrations; the archive does not fit this schema. The restore stopped; ${leftAs}.`);
      }
      // Every table the archive's migrations create is in it, or left out on
      // purpose: an archive without its evidence or people is not a backup.
      const listed = new Set([...manifest.tables.map((table) => table.name), ...manifest.excludedTables]);
      const absent = [...present.keys()].filter((name) => !listed.has(name));
      if (absent.length > 0) {
        throw new BackupError(
          "INVALID_ARCHIVE",
          `The archive lacks table${absent.length > 1 ? "s" : ""} ${absent.join(", ")}, which the database has at the archive's migrations: the archive is incomplete (or the table is not Shipshape's). The restore stopped; ${leftAs}.`,
        );
      }
      if (present.size > 0) await client.query(`TRUNCATE ${[...present.keys()].map(quote).join(", ")}`);
      const order = await inForeignKeyOrder(
        client,
        manifest.tables.map((table) => table.name),
      );
      const byName = new Map(manifest.tables.map((table) => [table.name, table]));
      for (const name of order) {
        const table = byName.get(name)!;
        step = `Loading table ${name}`;
        await pipeline(createReadStream(archive.path(name)), client.query(copyFrom(`COPY ${quote(name)} (${table.columns.map(quote).join(", ")}) FROM STDIN`)));
      }
      step = "Reading the loaded tables back";
      for (const table of manifest.tables) {
        const { stream, totals } = tally();
        await pipeline(client.query(copyTo(copyOutStatement(table))), stream, new Writable({ write: (_chunk, _encoding, done) => done() }));
        if (totals.sha256 !== table.sha256) {
          throw new BackupError("RESTORE_FAILED", `Table ${table.name} reads back differently from the archive (${totals.rows} rows, ${table.rows} archived). The restore stopped; ${leftAs}.`);
        }
      }
      step = "Committing the restore";
      await resetSequences(client);
      await client.query("COMMIT");
      return order.map((name) => ({ name, rows: byName.get(name)!.rows }));
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      if (error instanceof BackupError) throw error;
      throw new BackupError("RESTORE_FAILED", `${step} failed: ${(error as Error).message}. The restore stopped and was rolled back; ${leftAs}.`);
    }
  });
}

// Shipshape's ids are cuids today; a serial or identity column added later
// must not hand out values the restored rows already use.
async function resetSequences(client: pg.ClientBase) {
  const { rows } = await client.query<{ sequence: string; table: string; column: string }>(
    `SELECT s.oid::regclass::text AS sequence, t.relname AS table, a.attname AS column
       FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_class t ON t.oid = d.refobjid AND t.relnamespace = 'public'::regnamespace
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE d.deptype IN ('a', 'i') AND t.relname <> $1`,
    [MIGRATIONS_TABLE],
  );
  for (const { sequence, table, column } of rows) {
    await client.query(`SELECT setval($1::regclass, COALESCE((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`, [sequence]);
  }
}
