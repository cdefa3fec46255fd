// What the public schema holds, read from PostgreSQL's catalogue: tables,
// their columns and primary keys, and the order foreign keys impose.
import type pg from "pg";
import { BackupError, MIGRATIONS_TABLE } from "./format";

export type TableShape = { name: string; columns: string[]; primaryKey: string[] };

/** Quotes an SQL identifier ("user" is a reserved word, columns are camelCase). */
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Ordinary tables of the public schema (Prisma's ledger aside), by name, with columns in their order. */
export async function publicTables(client: pg.ClientBase): Promise<TableShape[]> {
  const { rows } = await client.query<{ table: string; columns: string[]; primaryKey: string[] | null }>(
    `SELECT c.relname AS table,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns,
            (SELECT array_agg(k.attname::text ORDER BY array_position(i.indkey::int2[], k.attnum))
               FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
              WHERE i.indrelid = c.oid AND i.indisprimary) AS "primaryKey"
       FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> $1
      GROUP BY c.oid, c.relname
      ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((row) => ({ name: row.table, columns: row.columns, primaryKey: row.primaryKey ?? [] }));
}

/**
 * `tables` ordered so that every table comes after the tables its foreign
 * keys point at (a table's references to itself are checked at the end of
 * its COPY, so they need no order). A cycle between tables cannot be loaded
 * one table at a time and is reported.
 */
export async function inForeignKeyOrder(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.relname AS child, p.relname AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace AND p.relnamespace = 'public'::regnamespace`,
  );
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { child, parent } of rows) if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((table) => !placed.has(table) && [...parents.get(table)!].every((parent) => placed.has(parent)));
    if (ready.length === 0) {
      const left = tables.filter((table) => !placed.has(table));
      throw new BackupError("RESTORE_FAILED", `The foreign keys between ${left.join(", ")} form a cycle; they cannot be loaded one after another.`);
    }
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

/** Applied migrations, oldest first; empty when Prisma never ran here. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows: exists } = await client.query(`SELECT 1 FROM pg_class WHERE relname = $1 AND relnamespace = 'public'::regnamespace`, [MIGRATIONS_TABLE]);
  if (exists.length === 0) return [];
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${quote(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.name);
}

/**
 * The statement that reads a table for an archive or a checksum: its columns
 * in `columns`' order, rows by primary key compared as bytes (collations
 * differ between servers; the order must not).
 */
export function copyOutStatement(table: TableShape | { name: string; columns: string[]; primaryKey: string[] }) {
  const keys = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  const order = keys.map((column) => `${quote(column)}::text COLLATE "C"`).join(", ");
  return `COPY (SELECT ${table.columns.map(quote).join(", ")} FROM ${quote(table.name)} ORDER BY ${order}) TO STDOUT`;
}
