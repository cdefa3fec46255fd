// `shipshape backup` and `shipshape restore`: a database filled through the
// services comes back table for table, row for row (counted and hashed in
// SQL, independently of the archive's own checksums), and reads the same
// through the app; damaged, newer or misdirected restores change nothing;
// and an archive taken on this PostgreSQL restores on the embedded
// PostgreSQL 18 and back (across versions, external ↔ embedded).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { create as createTar, extract } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "@/lib/server/backup/backup";
import { BackupError } from "@/lib/server/backup/format";
import { restoreDatabase, type Migrator } from "@/lib/server/backup/restore";
import { db } from "@/lib/server/kernel/db";
import { createApiToken } from "@/lib/server/services/api-tokens";
import { addEvidence } from "@/lib/server/services/evidence";
import { inviteMember } from "@/lib/server/services/invitations";
import { updateItem } from "@/lib/server/services/items";
import { createMilestone } from "@/lib/server/services/milestones";
import { createShareLink } from "@/lib/server/services/share-links";
import { renameTeam, setTeamTimeZone } from "@/lib/server/services/teams";
import { saveTeamTemplate } from "@/lib/server/services/templates";
import { decideWaiver, requestWaiver } from "@/lib/server/services/waivers";
import { createScratchDatabase } from "../../scripts/lib/database.mjs";
import { availableMigrations, migrate } from "../../scripts/lib/migrations.mjs";
import { teamWith } from "../support/fixtures";
import { catalogueProject, daysFromNow, itemByKey } from "../support/readiness";

const root = path.resolve(import.meta.dirname, "../..");
const TRANSIENT = ["session", "verification", "rate_limit", "api_rate_limit", "server_instance"];
const migrator: Migrator = { available: availableMigrations(), migrate: (url, only) => migrate(url, { only }) };

let folder: string;
let archive: string;
let projectId: string;
const scratches: { url: string; drop: () => Promise<void> }[] = [];
const source = () => process.env.DATABASE_URL as string;

async function scratchDatabase() {
  const scratch = await createScratchDatabase(source(), "shipshape_restore");
  scratches.push(scratch);
  return scratch.url;
}

function shipshape(args: string[], url: string, env: Record<string, string> = {}, input?: Buffer) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts/shipshape.mjs"), ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, DATABASE_URL: url, ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

type Fingerprint = Record<string, { rows: number; md5: string }>;

// Every table's row count and an md5 of its rows as PostgreSQL prints them
// (row::text, by primary key compared as bytes), computed in SQL alone.
async function fingerprint(url: string): Promise<Fingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET TimeZone = 'UTC'");
    await client.query("SET DateStyle = 'ISO, YMD'");
    await client.query("SET extra_float_digits = 1");
    const { rows: tables } = await client.query<{ name: string; key: string[] }>(
      `SELECT c.relname AS name,
              (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = c.oid AND i.indisprimary) AS key
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
    );
    const result: Fingerprint = {};
    for (const { name, key } of tables) {
      const order = key.map((column) => `t."${column}"::text COLLATE "C"`).join(", ");
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS md5 FROM "${name}" t`,
      );
      result[name] = rows[0];
    }
    return result;
  } finally {
    await client.end();
  }
}

const withoutTransient = (print: Fingerprint) => Object.fromEntries(Object.entries(print).filter(([name]) => !TRANSIENT.includes(name)));

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error("expected the restore to be refused");
}

// Unpacks the archive, lets `change` edit it, and packs it again.
async function tampered(name: string, change: (dir: string) => void): Promise<string> {
  const dir = path.join(folder, `${name}-unpacked`);
  mkdirSync(dir);
  await extract({ file: archive, cwd: dir });
  change(dir);
  const file = path.join(folder, `${name}.tar.gz`);
  await createTar({ gzip: true, cwd: dir, file }, ["manifest.json", "tables"]);
  return file;
}

// The report the app renders, without the moment it was rendered (which
// also dates its "changes since the milestone … to now").
function projectReport(url: string) {
  const result = shipshape(["export", projectId, "--format", "json"], url);
  expect(result.code, result.stderr).toBe(0);
  const { generatedAt, ...report } = JSON.parse(result.stdout);
  expect(report.sinceMilestone.to.takenAt).toBe(generatedAt);
  delete report.sinceMilestone.to.takenAt;
  return report;
}

// A team's year of work in miniature, through the services: settings, a
// project from the catalogue with edits, evidence, an approved and a pending
// waiver, a milestone, a share link, an API token, a team template and an
// invitation; activity and readiness snapshots follow from them. A session
// and a throttle counter stand for what a backup leaves out.
async function fill() {
  const { actors } = await teamWith(["ADMIN", "LEAD", "LEAD", "ENGINEER"], "Backup");
  const [admin, lead, otherLead, engineer] = actors;
  await renameTeam(admin, { name: 'Backup Platform — ünïcode "quoted"' });
  await setTeamTimeZone(admin, { timeZone: "Europe/Berlin" });
  projectId = await catalogueProject(lead, ["security", "testing", "monitoring", "backup"], "Checkout API");
  for (const [key, status] of [["security.headers", "DONE"], ["testing.unit", "PARTIAL"], ["testing.integration", "DONE"]] as const) {
    const item = await itemByKey(projectId, key);
    await updateItem(engineer, { itemId: item.id, version: item.version, changes: { status, notes: `Line one\nline two\ttabbed \\ for ${key}` } });
  }
  await addEvidence(engineer, { itemId: (await itemByKey(projectId, "security.headers")).id, kind: "LINK", target: "https://ci.example.com/runs/1", expiresAt: daysFromNow(30) });
  await addEvidence(engineer, { itemId: (await itemByKey(projectId, "testing.unit")).id, kind: "NOTE", label: "Checked by hand, 100%" });
  const { waiverId } = await requestWaiver(engineer, { itemId: (await itemByKey(projectId, "security.secrets")).id, reason: "Vault lands next quarter", expiresAt: daysFromNow(60) });
  await decideWaiver(otherLead, { waiverId, decision: "APPROVE" });
  await requestWaiver(engineer, { itemId: (await itemByKey(projectId, "testing.end-to-end")).id, reason: "Pending review", expiresAt: daysFromNow(14) });
  await createMilestone(lead, { projectId, name: "Beta review" });
  await createShareLink(lead, { projectId });
  await createApiToken(admin, { name: "CI", scope: "write", expiresInDays: "30" });
  await saveTeamTemplate(lead, {
    text: "schema: shipshape.checklist/v1\nname: Payments launch\ncategories:\n  - name: PCI\n    items:\n      - key: pci.scope\n        title: Cardholder data scope documented\n",
  });
  await inviteMember(admin, { email: "new.hire@example.com", role: "ENGINEER" });
  await db.session.create({ data: { token: `session-${projectId}`, userId: engineer.userId, expiresAt: new Date(Date.now() + 86_400_000) } });
  await db.rateLimit.create({ data: { key: `sign-in:${projectId}`, points: 3 } });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "shipshape-backup-test-"));
  archive = path.join(folder, "backup.tar.gz");
  await fill();
}, 60_000);

// Dropping several databases WITH (FORCE) can take seconds each on a busy machine.
afterAll(async () => {
  for (const scratch of scratches) await scratch.drop();
  rmSync(folder, { recursive: true, force: true });
}, 120_000);

describe("backup and restore", () => {
  let restored: string;
  let original: Fingerprint;

  it("restores every table, row for row, into an empty database, and the app reads the same", async () => {
    const backup = shipshape(["backup", "--out", archive, "--json"], source());
    expect(backup.code, backup.stderr).toBe(0);
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    original = await fingerprint(source());
    const archived = backup.json();
    // Nothing transient in the archive; everything else is.
    expect(archived.tables.map((table: { name: string }) => table.name).sort()).toEqual(Object.keys(withoutTransient(original)).sort());
    expect(original.session.rows).toBeGreaterThan(0);
    expect(original.rate_limit.rows).toBeGreaterThan(0);

    restored = await scratchDatabase();
    const restore = shipshape(["restore", archive, "--json"], restored);
    expect(restore.code, restore.stderr).toBe(0);
    const copy = await fingerprint(restored);
    expect(withoutTransient(copy)).toEqual(withoutTransient(original));
    for (const table of TRANSIENT) expect(copy[table].rows, table).toBe(0);
    for (const table of ["team", "user", "project", "item", "evidence", "waiver", "activity", "readiness_snapshot", "milestone", "share_link", "api_token", "template", "invitation"]) {
      expect(copy[table].rows, table).toBeGreaterThan(0);
    }
    expect(projectReport(restored)).toEqual(projectReport(source()));

    const rows = Object.values(withoutTransient(copy)).reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `backup-restore: ${Object.keys(withoutTransient(copy)).length} tables, ${rows} rows, ${statSync(archive).size} bytes compressed; ` +
        `backup ${archived.seconds.toFixed(2)} s, restore ${restore.json().seconds.toFixed(2)} s (process start and migrations included)`,
    );
  }, 120_000);

  it("refuses a database that holds data unless forced, and a forced restore replaces it", async () => {
    const error = await refusal(restoreDatabase(restored, archive, { migrator }));
    expect(error.code).toBe("NOT_EMPTY");
    expect(error.message).toMatch(/--force/);
    const client = new pg.Client({ connectionString: restored });
    await client.connect();
    await client.query(`UPDATE team SET name = 'Changed after the backup'`);
    await client.query(`INSERT INTO session (id, token, "userId", "expiresAt", "updatedAt") SELECT 'extra', 'extra', id, now(), now() FROM "user" LIMIT 1`);
    await client.end();
    const result = await restoreDatabase(restored, archive, { force: true, migrator });
    expect(result.replaced).toBe(true);
    const copy = await fingerprint(restored);
    expect(withoutTransient(copy)).toEqual(withoutTransient(original));
    expect(copy.session.rows).toBe(0);
  }, 60_000);

  it("refuses a damaged archive, one with a wrong checksum, or one from a newer version, and changes nothing", async () => {
    const before = await fingerprint(restored);

    const bytes = readFileSync(archive);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    const flipped = path.join(folder, "flipped.tar.gz");
    writeFileSync(flipped, bytes);
    const damaged = await refusal(restoreDatabase(restored, flipped, { force: true, migrator }));
    expect(damaged.code).toBe("INVALID_ARCHIVE");
    expect(damaged.message).toMatch(/not a usable Shipshape backup.*Nothing was changed/);

    const edited = await tampered("edited", (dir) => {
      const file = path.join(dir, "tables/team.copy");
      writeFileSync(file, readFileSync(file, "utf8").replace("Backup Platform", "Backup Plotform"));
    });
    const checksum = await refusal(restoreDatabase(restored, edited, { force: true, migrator }));
    expect(checksum.code).toBe("INVALID_ARCHIVE");
    expect(checksum.message).toMatch(/table team does not match its checksum/);

    const newer = await tampered("newer", (dir) => {
      const file = path.join(dir, "manifest.json");
      const manifest = JSON.parse(readFileSync(file, "utf8"));
      writeFileSync(file, JSON.stringify({ ...manifest, shipshapeVersion: "9.0.0", migrations: [...manifest.migrations, "29991231000000_from_the_future"] }));
    });
    const future = await refusal(restoreDatabase(restored, newer, { force: true, migrator }));
    expect(future.code).toBe("NEWER_ARCHIVE");
    expect(future.message).toMatch(/29991231000000_from_the_future.*Shipshape 9\.0\.0 or newer/);

    expect(await fingerprint(restored)).toEqual(before);
  }, 60_000);

  it("refuses a truncated archive as damaged, leaving nothing unpacked behind", async () => {
    const before = await fingerprint(restored);
    const bytes = readFileSync(archive);
    // os.tmpdir() follows TMPDIR: a private one shows what the restore leaves there.
    const tmp = mkdtempSync(path.join(folder, "tmp-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      for (const share of [0.3, 0.6, 0.9]) {
        const cut = path.join(folder, `cut-${share}.tar.gz`);
        writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * share)));
        const error = await refusal(restoreDatabase(restored, cut, { force: true, migrator }));
        expect(error.code, error.message).toBe("INVALID_ARCHIVE");
        expect(error.message).toMatch(/not a usable Shipshape backup.*Nothing was changed/);
      }
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(readdirSync(tmp)).toEqual([]);
    expect(await fingerprint(restored)).toEqual(before);
  }, 60_000);

  it("refuses an archive that lacks a table, lists one twice, or holds a link instead of a table", async () => {
    const before = await fingerprint(restored);
    const editManifest = (dir: string, change: (manifest: { tables: { name: string }[] }) => void) => {
      const file = path.join(dir, "manifest.json");
      const manifest = JSON.parse(readFileSync(file, "utf8"));
      change(manifest);
      writeFileSync(file, JSON.stringify(manifest));
    };
    const lacking = await tampered("lacking", (dir) => {
      editManifest(dir, (manifest) => void (manifest.tables = manifest.tables.filter((table) => table.name !== "evidence")));
      rmSync(path.join(dir, "tables/evidence.copy"));
    });
    const incomplete = await refusal(restoreDatabase(restored, lacking, { force: true, migrator }));
    expect(incomplete.code).toBe("INVALID_ARCHIVE");
    expect(incomplete.message).toMatch(/lacks table evidence.*nothing was changed/);

    const twice = await tampered("twice", (dir) => editManifest(dir, (manifest) => manifest.tables.push(manifest.tables.find((table) => table.name === "team")!)));
    const duplicate = await refusal(restoreDatabase(restored, twice, { force: true, migrator }));
    expect(duplicate.code).toBe("INVALID_ARCHIVE");
    expect(duplicate.message).toMatch(/listed twice/);

    const linked = await tampered("linked", (dir) => {
      rmSync(path.join(dir, "tables/waiver.copy"));
      symlinkSync("../manifest.json", path.join(dir, "tables/waiver.copy"));
    });
    const link = await refusal(restoreDatabase(restored, linked, { force: true, migrator }));
    expect(link.code).toBe("INVALID_ARCHIVE");
    expect(link.message).toMatch(/tables\/waiver.copy is not a plain file/);

    expect(await fingerprint(restored)).toEqual(before);
  }, 60_000);

  it("reports a table PostgreSQL rejects as RESTORE_FAILED, rolled back, without a stack trace", async () => {
    const before = await fingerprint(restored);
    // Evidence of an item that does not exist, with checksums that match:
    // the archive is intact, the database refuses it.
    const orphaned = await tampered("orphaned", (dir) => {
      const file = path.join(dir, "tables/evidence.copy");
      const [first, ...rest] = readFileSync(file, "utf8").split("\n");
      const fields = first.split("\t");
      const column = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")).tables.find((table: { name: string }) => table.name === "evidence").columns.indexOf("itemId");
      fields[column] = fields[column].replace(/.$/, (last) => (last === "x" ? "y" : "x"));
      const text = [fields.join("\t"), ...rest].join("\n");
      writeFileSync(file, text);
      const manifestFile = path.join(dir, "manifest.json");
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
      const entry = manifest.tables.find((table: { name: string }) => table.name === "evidence");
      entry.sha256 = createHash("sha256").update(text).digest("hex");
      entry.bytes = Buffer.byteLength(text);
      writeFileSync(manifestFile, JSON.stringify(manifest));
    });
    const error = await refusal(restoreDatabase(restored, orphaned, { force: true, migrator }));
    expect(error.code).toBe("RESTORE_FAILED");
    expect(error.message).toMatch(/Loading table evidence failed: .*foreign key.*rolled back; nothing was changed/);

    const cli = shipshape(["restore", orphaned, "--force"], restored);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^shipshape: Loading table evidence failed/);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    expect(await fingerprint(restored)).toEqual(before);
  }, 60_000);

  it("says plainly when the destination or the database is wrong, before reading anything, and replaces an existing file", async () => {
    const missing = await refusal(backupDatabase(source(), path.join(folder, "no-such-folder", "x.tar.gz"), "0.0.1"));
    expect(missing.code).toBe("BACKUP_FAILED");
    expect(missing.message).toMatch(/the folder .*no-such-folder does not exist/);
    const intoFolder = await refusal(backupDatabase(source(), folder, "0.0.1"));
    expect(intoFolder.code).toBe("BACKUP_FAILED");
    expect(intoFolder.message).toMatch(/it is a folder/);
    const nowhere = "postgresql://postgres@127.0.0.1:1/nowhere";
    expect((await refusal(backupDatabase(nowhere, path.join(folder, "x.tar.gz"), "0.0.1"))).code).toBe("UNREACHABLE");
    expect((await refusal(restoreDatabase(nowhere, archive, { migrator }))).code).toBe("UNREACHABLE");

    const cli = shipshape(["backup", "--out", path.join(folder, "no-such-folder", "x.tar.gz")], source());
    expect(cli.code).toBe(1);
    expect(cli.stderr).not.toMatch(/\n\s+at /);

    const existing = path.join(folder, "existing.tar.gz");
    writeFileSync(existing, "an older archive");
    const { manifest } = await backupDatabase(source(), existing, "0.0.1");
    expect(JSON.parse(await readManifest(existing)).createdAt).toBe(manifest.createdAt);
    expect(statSync(existing).mode & 0o777).toBe(0o600);
  }, 60_000);

  it("names a damaged archive on stdin as such, not by a temporary file's path", async () => {
    const bytes = readFileSync(archive);
    const empty = shipshape(["restore", "-", "--force"], restored, {}, Buffer.alloc(0));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^shipshape: The archive on stdin is not a usable Shipshape backup: it is empty\. Nothing was changed\./);
    const cut = shipshape(["restore", "-", "--force"], restored, {}, bytes.subarray(0, bytes.length / 2));
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/^shipshape: The archive on stdin is not a usable Shipshape backup/);
    expect(cut.stderr).not.toMatch(/shipshape-stdin-/);
  }, 60_000);

  // `script` runs the command on a pseudo-terminal, as an operator's shell would.
  it.skipIf(spawnSync("script", ["--version"]).status !== 0)("refuses to write an archive to a terminal or wait for one typed at it", () => {
    const onTerminal = (args: string) =>
      spawnSync("script", ["-qec", `node ${path.join(root, "scripts/shipshape.mjs")} ${args}`, "/dev/null"], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: restored },
        timeout: 60_000,
      });
    const backup = onTerminal("backup --out -");
    expect(backup.status).toBe(2);
    expect(backup.stdout).toMatch(/shipshape: --out - writes the archive to stdout, which is a terminal here/);
    expect(backup.stdout).not.toContain("\x1f\x8b");
    const restore = onTerminal("restore - --force");
    expect(restore.status).toBe(2);
    expect(restore.stdout).toMatch(/shipshape: restore - reads the archive from stdin, which is a terminal here/);
  }, 120_000);

  it("leaves no unpacked tables behind and no data loaded when Ctrl-C interrupts a restore", async () => {
    // An archive big enough that the restore is still running when interrupted.
    const big = await scratchDatabase();
    await restoreDatabase(big, archive, { migrator });
    const client = new pg.Client({ connectionString: big });
    await client.connect();
    await client.query(
      `INSERT INTO activity (id, "teamId", "actorLabel", action, "entityType", "entityId")
       SELECT 'bulk-' || n, "teamId", "actorLabel", action, "entityType", "entityId" FROM activity, generate_series(1, 300000) n WHERE id = (SELECT min(id) FROM activity)`,
    );
    await client.end();
    const file = path.join(folder, "big.tar.gz");
    await backupDatabase(big, file, "0.0.1");

    const target = await scratchDatabase();
    const tmp = mkdtempSync(path.join(folder, "tmp-"));
    const child = spawn(process.execPath, [path.join(root, "scripts/shipshape.mjs"), "restore", file], { env: { ...process.env, DATABASE_URL: target, TMPDIR: tmp }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const unpacked = () => readdirSync(tmp).filter((name) => name.startsWith("shipshape-restore-"));
    while (unpacked().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGINT");
    expect(await exited, stderr).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    expect(unpacked()).toEqual([]);
    const check = new pg.Client({ connectionString: target });
    await check.connect();
    const { rows } = await check.query(`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'activity' AND relnamespace = 'public'::regnamespace`);
    const loaded = rows[0].n > 0 ? (await check.query(`SELECT count(*)::int AS n FROM activity`)).rows[0].n : 0;
    await check.end();
    expect(loaded).toBe(0);
  }, 120_000);

  it("restores an archive of an older schema, then applies the newer migrations to its data", async () => {
    const [first, ...later] = migrator.available;
    const old = await scratchDatabase();
    await migrate(old, { only: [first] });
    const client = new pg.Client({ connectionString: old });
    await client.connect();
    // Before teams had slugs or time zones; later migrations derive and add them.
    await client.query(`INSERT INTO team (id, name, "updatedAt") VALUES ('old-team', 'Ops & Release', now())`);
    await client.end();
    const file = path.join(folder, "older.tar.gz");
    const { manifest } = await backupDatabase(old, file, "0.0.1");
    expect(manifest.migrations).toEqual([first]);

    const target = await scratchDatabase();
    const result = await restoreDatabase(target, file, { migrator });
    expect(result.migratedAfter).toEqual(later);
    const check = new pg.Client({ connectionString: target });
    await check.connect();
    const { rows } = await check.query(`SELECT name, slug, "timeZone" FROM team`);
    const { rows: applied } = await check.query(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`);
    await check.end();
    expect(rows).toEqual([{ name: "Ops & Release", slug: "ops-release", timeZone: "UTC" }]);
    expect(applied.map((row) => row.migration_name)).toEqual(migrator.available);
  }, 60_000);

  it("takes every table from one snapshot while items are being edited", async () => {
    // Each edit raises the item's version and records one activity row in
    // the same transaction: in a consistent archive the two always differ by
    // the same number, however the backup interleaves with the edits.
    const { teamId } = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    const member = await db.membership.findFirstOrThrow({ where: { teamId, role: "ENGINEER" }, include: { user: true } });
    const engineer = { kind: "user" as const, userId: member.userId, name: member.user.name, email: member.user.email, teamId, role: member.role, timeZone: "UTC" };
    const { id: itemId } = await itemByKey(projectId, "monitoring.uptime");
    const lag = async (file: string) => {
      const dir = mkdtempSync(path.join(folder, "snapshot-"));
      await extract({ file, cwd: dir });
      const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
      const column = (table: string, name: string) => manifest.tables.find((entry: { name: string }) => entry.name === table).columns.indexOf(name);
      const rows = (table: string) => readFileSync(path.join(dir, `tables/${table}.copy`), "utf8").split("\n").filter(Boolean).map((line) => line.split("\t"));
      const item = rows("item").find((row) => row[column("item", "id")] === itemId)!;
      const activities = rows("activity").filter((row) => row[column("activity", "itemId")] === itemId).length;
      return { version: Number(item[column("item", "version")]), lag: Number(item[column("item", "version")]) - activities };
    };
    const baseline = path.join(folder, "snapshot-0.tar.gz");
    await backupDatabase(source(), baseline, "0.0.1");
    const expected = (await lag(baseline)).lag;

    let editing = true;
    const edits = (async () => {
      let count = 0;
      while (editing) {
        const item = await db.item.findUniqueOrThrow({ where: { id: itemId } });
        await updateItem(engineer, { itemId, version: item.version, changes: { notes: `edit ${count++}` } });
      }
      return count;
    })();
    const seen: number[] = [];
    try {
      for (let round = 1; round <= 5; round += 1) {
        const file = path.join(folder, `snapshot-${round}.tar.gz`);
        await backupDatabase(source(), file, "0.0.1");
        const found = await lag(file);
        seen.push(found.version);
        expect(found.lag, `archive ${round}`).toBe(expected);
      }
    } finally {
      editing = false;
    }
    expect(await edits).toBeGreaterThan(0);
    // The edits really ran between the backups.
    expect(new Set(seen).size).toBeGreaterThan(1);
  }, 60_000);

  it("moves to a fresh machine's embedded PostgreSQL 18 and back, with the same checksums", async () => {
    // No DATABASE_URL and an empty data directory: the CLI starts the
    // embedded PostgreSQL for each command, as on a new machine.
    const dataDir = path.join(folder, "fresh-machine");
    mkdirSync(dataDir);
    // The embedded server runs as a "postgres" user when tests run as root.
    chmodSync(folder, 0o755);
    chmodSync(dataDir, 0o755);
    const embedded = { DATABASE_URL: "", SHIPSHAPE_DATA_DIR: dataDir, SHIPSHAPE_PG_PORT: String(await freePort()) };

    const restore = shipshape(["restore", archive, "--json"], "", embedded);
    expect(restore.code, restore.stderr).toBe(0);
    const again = path.join(folder, "from-embedded.tar.gz");
    const backup = shipshape(["backup", "--out", again, "--json"], "", embedded);
    expect(backup.code, backup.stderr).toBe(0);

    const first = JSON.parse(await readManifest(archive));
    const second = JSON.parse(await readManifest(again));
    expect(second.postgresVersion).toMatch(/^18\./);
    // The external server runs whatever version the host has (it may be 18
    // too); the move between servers is the same either way.
    expect(first.postgresVersion).toMatch(/^\d+\.\d+/);
    const sums = (manifest: { tables: { name: string; rows: number; sha256: string }[] }) => manifest.tables.map(({ name, rows, sha256 }) => ({ name, rows, sha256 }));
    expect(sums(second)).toEqual(sums(first));

    const back = await scratchDatabase();
    await restoreDatabase(back, again, { migrator });
    expect(withoutTransient(await fingerprint(back))).toEqual(withoutTransient(original));
    console.log(`backup-restore: ${first.postgresVersion} → embedded PostgreSQL ${second.postgresVersion} → back: ${first.tables.length} table checksums equal`);
  }, 120_000);
});

async function readManifest(file: string): Promise<string> {
  const dir = mkdtempSync(path.join(folder, "manifest-"));
  await extract({ file, cwd: dir, filter: (entry) => entry === "manifest.json" });
  return readFileSync(path.join(dir, "manifest.json"), "utf8");
}
