// Private temporary folders (and half-written archives) that hold table
// data, password hashes included. They are removed when the work ends, and
// by removeScratch() when the process is interrupted (Ctrl-C), which the
// CLI calls from its signal handlers: an interrupted backup or restore must
// not leave a readable copy of the database behind.
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const live = new Set<string>();

/** A new private (0700) folder under the system's temporary folder, named `prefix…`; its path. */
export async function scratchFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  live.add(folder);
  return folder;
}

/** Marks a file or folder (absolute path) for removal if the process is interrupted before `release`. */
export const track = (target: string) => void live.add(target);

/** Removes `target` (a folder or file; gone already is fine) and forgets it. */
export async function release(target: string) {
  await rm(target, { recursive: true, force: true, maxRetries: 5 });
  live.delete(target);
}

/** Synchronously removes everything still tracked; for signal handlers, which cannot wait. */
export function removeScratch() {
  for (const target of live) rmSync(target, { recursive: true, force: true });
  live.clear();
}
