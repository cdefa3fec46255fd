#!/usr/bin/env node
// The HSTS preload list MDN's HTTP Observatory reads (its
// conf/hsts-preload.json). The package's own install step downloads
// Chromium's list from the internet; Shipshape installs without that step,
// so this writes an empty list when none is there. An empty list is the
// right answer for the hosts a self-hosted server checks (intranet names
// are on no preload list), and a public site's HSTS header is graded on its
// own either way; a list already in place (say, downloaded on purpose) is
// never overwritten. Run by `npm install` (postinstall); safe to run again.
// See docs/adr/0031-security-headers-check.md.
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

let root;
try {
  root = path.dirname(require.resolve("@mdn/mdn-http-observatory/package.json"));
} catch {
  // Not installed (a production install without it): nothing to provide.
  process.exit(0);
}
const file = path.join(root, "conf", "hsts-preload.json");
if (!existsSync(file)) {
  writeFileSync(file, "{}\n");
  console.log(`observatory: wrote an empty HSTS preload list to ${path.relative(process.cwd(), file)}`);
}
