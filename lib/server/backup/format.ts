// What a Shipshape backup archive holds (docs/adr/0025-logical-backups.md):
// a gzip'd tar with manifest.json first, then one file per table in
// PostgreSQL's COPY text format. The manifest is checked against this schema
// before a restore touches anything.
import { z } from "zod";

export const ARCHIVE_FORMAT = "shipshape.backup";
// Raised when a change makes older readers misread an archive; a reader
// refuses versions it does not know.
export const FORMAT_VERSION = 1;

export const MANIFEST_FILE = "manifest.json";
export const tableFile = (table: string) => `tables/${table}.copy`;

// Left out of every archive: counters and credentials that only matter while
// they last. Restored users sign in again with their passwords; a stolen
// archive carries no live session or reset link (ADR 0025). The running
// instances' register (server_instance) describes the old servers only.
export const TRANSIENT_TABLES = ["session", "verification", "rate_limit", "api_rate_limit", "server_instance"] as const;
// Prisma's own ledger: recorded in the manifest, re-created by migrating.
export const MIGRATIONS_TABLE = "_prisma_migrations";

// Text output that reads the same on every server and version, so that a
// table's checksum can be compared after a restore anywhere.
export const SESSION_SETTINGS = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET extra_float_digits = 1",
  "SET bytea_output = 'hex'",
  "SET client_encoding = 'UTF8'",
];

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "not a plain SQL identifier");

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  shipshapeVersion: z.string(),
  createdAt: z.string(),
  postgresVersion: z.string(),
  // Applied Prisma migrations, oldest first: the schema the tables fit.
  migrations: z.array(z.string()),
  excludedTables: z.array(identifier),
  tables: z.array(
    z.object({
      name: identifier,
      columns: z.array(z.string().min(1)).min(1),
      primaryKey: z.array(z.string().min(1)),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      // SHA-256 (hex) of the table's file: its COPY output, rows ordered by primary key.
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
})
  // A table listed twice would be loaded twice.
  .refine((manifest) => new Set(manifest.tables.map((table) => table.name)).size === manifest.tables.length, { path: ["tables"], message: "a table is listed twice" });

export type Manifest = z.infer<typeof manifestSchema>;
export type TableEntry = Manifest["tables"][number];

/** Why a backup or restore stopped; `code` is shown by the CLI. */
export class BackupError extends Error {
  constructor(
    readonly code: "INVALID_ARCHIVE" | "NOT_EMPTY" | "NEWER_ARCHIVE" | "RESTORE_FAILED" | "BACKUP_FAILED" | "UNREACHABLE",
    message: string,
  ) {
    super(message);
  }
}
