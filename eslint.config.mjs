import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// ── Layers (docs/adr/0019-layers.md) ────────────────────────────────────────
// Each layer may import its own files, npm packages, and the layers it lists
// under `may`; any other import of the project's own folders fails the lint:
// a lower layer importing a higher one, an adapter importing another, the UI
// importing routes. `types` lists layers it may import types from only
// (`import type`, erased before anything runs). Imports that leave a folder
// are written from the root (`@/lib/…`): a `../` import is refused, so
// nothing slips past by a relative path.
const BELOW_SERVICES = ["checks", "identity", "kernel", "import", "schemas", "domain", "db"];
const SERVER = ["access", "jobs", "services", "read-models", ...BELOW_SERVICES];
const ADAPTER = ["access", "services", "read-models", "identity", "kernel", "report", "import", "schemas", "domain"];

const LAYERS = [
  { name: "domain", files: "lib/domain", may: [] },
  { name: "security", files: "lib/security", may: [] },
  { name: "schemas", files: "lib/schemas", may: ["domain"] },
  { name: "import", files: "lib/import", may: ["domain", "schemas"] },
  { name: "db", files: "generated", may: [] },
  { name: "kernel", files: "lib/server/kernel", may: ["domain", "schemas", "db"] },
  // Check runners and the network guard (ADR 0028): no database, no actor.
  { name: "checks", files: "lib/server/checks", may: ["kernel", "schemas", "domain"] },
  { name: "identity", files: "lib/server/identity", may: ["kernel", "domain", "schemas", "db"] },
  { name: "read-models", files: "lib/server/read-models", may: BELOW_SERVICES },
  { name: "services", files: "lib/server/services", may: ["read-models", ...BELOW_SERVICES] },
  { name: "access", files: "lib/server/access", may: ["services", "read-models", ...BELOW_SERVICES] },
  // Scheduled work is an entry point like a request: it says who acts (the
  // system actor, from access) and calls services.
  { name: "jobs", files: "lib/server/jobs", may: ["access", "services", "read-models", ...BELOW_SERVICES] },
  { name: "report", files: "lib/server/report", may: ["import", "schemas", "domain"] },
  { name: "api", files: "lib/server/api", may: ADAPTER },
  { name: "actions", files: "lib/server/actions", may: ADAPTER },
  // Backup and restore read and write every table below Prisma, with no actor
  // or tenant: only the operator's CLI uses them (docs/adr/0025-logical-backups.md).
  { name: "backup", files: "lib/server/backup", may: [] },
  // `shipshape worker` runs the scheduled jobs (docs/adr/0030-scheduled-checks-on-pg-boss.md).
  { name: "cli", files: "lib/cli", may: [...ADAPTER, "backup", "jobs"] },
  // Start-up and page helpers, next to the layers: only app/ and the root use them.
  { name: "server-entry", files: ["lib/server/start-up.ts", "lib/server/page-data.ts"], may: SERVER },
  {
    name: "components",
    files: "components",
    may: ["actions", "schemas", "domain"],
    types: ["services", "read-models", "identity", "kernel"],
  },
  { name: "app", files: "app", may: ["components", "server-entry", "api", "actions", "report", ...SERVER] },
  { name: "tests", files: "tests", may: [] },
];

const byName = new Map(LAYERS.map((layer) => [layer.name, layer]));
const isFile = (path) => /\.tsx?$/.test(path);
const paths = (layer) => [layer.files].flat();
const globs = (layer) => paths(layer).map((path) => (isFile(path) ? path : `${path}/**`));
// How other files name a layer's files in an import, as a regular expression:
// anything under its folder, or the file itself; `except` may carve out a part.
const sources = (layer, except = "") =>
  paths(layer).map((path) => `^@/${path.replace(/\.tsx?$/, "").replace(/\./g, "\\.")}${isFile(path) ? "$" : `/${except}`}`);
const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx"];

function layerRules(layer, { test }) {
  const message = (other) => `${paths(layer).join(", ")} may not import ${paths(other).join(", ")} (layers: docs/adr/0019-layers.md).`;
  const others = LAYERS.filter((other) => other !== layer && !(layer.may ?? []).includes(other.name) && !(test && other.name === "tests"));
  const refused = others.flatMap((other) => sources(other, layer.except?.[other.name]).map((regex) => ({ regex, other })));
  const patterns = refused.map(({ regex, other }) => ({
    regex,
    message: message(other),
    ...((layer.types ?? []).includes(other.name) ? { allowTypeImports: true } : {}),
  }));
  patterns.push({ regex: "^\\.\\./", message: "Name an import from another folder from the root (@/…), so the layer rule can check it." });
  // import("…") is no import declaration: the same layers are refused there by
  // a selector (whose regular expression may not hold a "/").
  const dynamic = refused.map(({ regex, other }) => ({
    selector: `ImportExpression[source.value=/${regex.replace(/\//g, "\\u002F")}/]`,
    message: message(other),
  }));
  return { "no-restricted-imports": ["error", { patterns }], "no-restricted-syntax": ["error", ...dynamic] };
}

const layerConfigs = LAYERS.filter((layer) => layer.name !== "db" && layer.name !== "tests").flatMap((layer) => [
  { name: `layers/${layer.name}`, files: globs(layer), ignores: TEST_FILES, rules: layerRules(layer, { test: false }) },
  { name: `layers/${layer.name}/tests`, files: globs(layer).map((glob) => (isFile(glob) ? glob.replace(/\.tsx?$/, ".test.ts") : `${glob}/*.test.{ts,tsx}`)), rules: layerRules(layer, { test: true }) },
]);
for (const layer of LAYERS) for (const name of [...(layer.may ?? []), ...(layer.types ?? [])]) if (!byName.has(name)) throw new Error(`eslint.config.mjs: unknown layer ${name}`);

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    files: ["lib/domain/**/*.ts", "lib/server/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
  {
    files: ["**/*.cjs", "next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...layerConfigs,
];

export default config;
