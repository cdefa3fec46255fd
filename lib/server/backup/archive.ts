// Opening an archive for a restore: unpacked into a private temporary
// folder and checked in full (format, manifest, every table's size, rows and
// SHA-256) before anything is loaded.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { extract, list } from "tar";
import { tally } from "./copy-stream";
import { release, scratchFolder } from "./scratch";
import { ARCHIVE_FORMAT, BackupError, FORMAT_VERSION, MANIFEST_FILE, manifestSchema, tableFile, type Manifest } from "./format";

export type OpenedArchive = { manifest: Manifest; folder: string; path: (table: string) => string; close: () => Promise<void> };

const damaged = (file: string, why: string) => new BackupError("INVALID_ARCHIVE", `${file} is not a usable Shipshape backup: ${why}. Nothing was changed.`);

/**
 * Unpacks and verifies the archive at `file`; throws BackupError
 * INVALID_ARCHIVE when anything is off. Messages name it `label` (the
 * operator's name for it, e.g. "stdin" for a staged copy of standard input).
 */
export async function openArchive(file: string, label = file): Promise<OpenedArchive> {
  const folder = await scratchFolder("shipshape-restore-");
  const close = () => release(folder);
  try {
    const size = await stat(file).then(
      (stats) => stats.size,
      () => null,
    );
    if (size === null) throw new BackupError("INVALID_ARCHIVE", `${label} cannot be read.`);
    if (size === 0) throw damaged(label, "it is empty");
    const wanted = (name: string) => name === MANIFEST_FILE || /^tables\/[A-Za-z0-9_]+\.copy$/.test(name);
    try {
      // Read to the end once before writing anything: a truncated or
      // corrupt archive fails here, not halfway through unpacking (where
      // node-tar rejects while files are still being written).
      const links: string[] = [];
      await list({ file, strict: true, onReadEntry: (entry) => void (wanted(entry.path) && entry.type !== "File" && links.push(entry.path)) });
      if (links.length > 0) throw new Error(`${links.join(", ")} ${links.length > 1 ? "are" : "is"} not a plain file`);
      // Only the manifest and table files, as plain files, are taken; node-tar
      // also refuses absolute paths and "..", so nothing lands outside the folder.
      await extract({ file, cwd: folder, strict: true, filter: (name, entry) => wanted(name) && "type" in entry && entry.type === "File" });
    } catch (error) {
      throw damaged(label, `it does not unpack (${(error as Error).message})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(folder, MANIFEST_FILE), "utf8"));
    } catch {
      throw damaged(label, `it has no readable ${MANIFEST_FILE}`);
    }
    if ((raw as { format?: unknown })?.format !== ARCHIVE_FORMAT) throw damaged(label, "its manifest does not name the Shipshape backup format");
    const version = (raw as { formatVersion?: unknown }).formatVersion;
    if (typeof version === "number" && version > FORMAT_VERSION) {
      throw new BackupError("NEWER_ARCHIVE", `${label} is in backup format ${version}; this Shipshape reads format ${FORMAT_VERSION}. Restore it with the Shipshape version that wrote it (${(raw as { shipshapeVersion?: string }).shipshapeVersion ?? "unknown"}) or newer.`);
    }
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) throw damaged(label, `its manifest is malformed (${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")})`);
    const manifest = parsed.data;
    for (const table of manifest.tables) {
      const { stream, totals } = tally();
      try {
        await pipeline(createReadStream(path.join(folder, tableFile(table.name))), stream, new Writable({ write: (_chunk, _encoding, done) => done() }));
      } catch {
        throw damaged(label, `table ${table.name} is missing`);
      }
      if (totals.sha256 !== table.sha256 || totals.rows !== table.rows || totals.bytes !== table.bytes) {
        throw damaged(label, `table ${table.name} does not match its checksum (${totals.rows} rows read, ${table.rows} recorded)`);
      }
    }
    return { manifest, folder, path: (table) => path.join(folder, tableFile(table)), close };
  } catch (error) {
    // The refusal matters more than a leftover folder.
    await close().catch(() => {});
    throw error;
  }
}
