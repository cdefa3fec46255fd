// Suggested checks: the catalogue's check templates (prisma/catalogue/*.yaml,
// `checks:` of an item) filled from a project's URLs. Pure: the service reads
// the templates and the project, parses what comes out with the settings
// schema, and decides what to offer (docs/adr/0033-check-suggestions.md).

/** The placeholders a template may hold, as `{name}` inside its strings. */
export const CHECK_PLACEHOLDERS = ["productionUrl", "productionHost", "repositoryUrl"] as const;
export type CheckPlaceholder = (typeof CHECK_PLACEHOLDERS)[number];

/** The project setting each placeholder is taken from. */
export const PLACEHOLDER_SOURCE: Record<CheckPlaceholder, ProjectUrlField> = {
  productionUrl: "productionUrl",
  productionHost: "productionUrl",
  repositoryUrl: "repositoryUrl",
};

export type ProjectUrlField = "productionUrl" | "repositoryUrl";

/** A project's URL settings as the project settings name them, for messages. */
export const PROJECT_URL_LABEL: Record<ProjectUrlField, string> = { productionUrl: "production URL", repositoryUrl: "repository URL" };

/**
 * A check template as the catalogue stores it: the settings of one kind of
 * check with placeholders, a label saying what it proves, and optional
 * alternatives (other values for some of the settings, such as another path
 * of a health endpoint), each merged onto the template.
 */
export type CheckTemplate = { kind: string; label: string; alternatives?: Record<string, unknown>[] } & Record<string, unknown>;

export type PlaceholderValues = Partial<Record<CheckPlaceholder, string>>;

// `{name}` with letters only: a glob's `{a,b}` holds a comma, dot or slash.
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, "");

/**
 * What the placeholders stand for in a project: `productionUrl` is its
 * production URL without query, fragment or trailing slash (so
 * `{productionUrl}/health` never doubles a slash), `productionHost` that
 * URL's host name, `repositoryUrl` its repository URL without a trailing
 * slash. A URL not set, or not an http(s) URL, fills nothing.
 */
export function placeholderValues(urls: { productionUrl: string | null; repositoryUrl: string | null }): PlaceholderValues {
  const values: PlaceholderValues = {};
  const production = parseUrl(urls.productionUrl);
  if (production) {
    values.productionUrl = withoutTrailingSlash(`${production.origin}${production.pathname}`);
    values.productionHost = production.hostname.replace(/^\[(.*)\]$/, "$1");
  }
  const repository = urls.repositoryUrl?.trim();
  if (repository && parseUrl(repository)) values.repositoryUrl = withoutTrailingSlash(repository);
  return values;
}

function parseUrl(value: string | null): URL | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim());
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname ? url : null;
  } catch {
    return null;
  }
}

/** The placeholders a template (or any value inside it) uses, each once, in order of appearance. */
export function placeholdersOf(value: unknown): CheckPlaceholder[] {
  const found = new Set<CheckPlaceholder>();
  const visit = (node: unknown) => {
    if (typeof node === "string") {
      for (const match of node.matchAll(PLACEHOLDER)) found.add(match[1] as CheckPlaceholder);
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") Object.values(node).forEach(visit);
  };
  visit(value);
  return [...found];
}

function fill(node: unknown, values: PlaceholderValues): unknown {
  if (typeof node === "string") return node.replace(PLACEHOLDER, (whole, name: string) => values[name as CheckPlaceholder] ?? whole);
  if (Array.isArray(node)) return node.map((child) => fill(child, values));
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, fill(child, values)]));
  return node;
}

/** A filled template: its settings, then each alternative's (unparsed: the settings schema judges them). */
export type FilledTemplate = { ok: true; choices: Record<string, unknown>[] } | { ok: false; missing: CheckPlaceholder[] };

/**
 * Fills a template's placeholders. The first choice is the template itself,
 * then each alternative merged onto it; `label` and `alternatives` are not
 * settings and are left out. When a placeholder the template uses has no
 * value, nothing is filled and the missing placeholders are returned.
 */
export function fillTemplate(template: CheckTemplate, values: PlaceholderValues): FilledTemplate {
  const { label: _label, alternatives = [], ...settings } = template;
  void _label;
  const missing = placeholdersOf([settings, alternatives]).filter((name) => values[name] === undefined);
  if (missing.length > 0) return { ok: false, missing };
  const base = fill(settings, values) as Record<string, unknown>;
  return { ok: true, choices: [base, ...alternatives.map((alternative) => ({ ...base, ...(fill(alternative, values) as Record<string, unknown>), kind: base.kind }))] };
}

/**
 * What makes two checks the same check, whatever their tuning: the kind and
 * what it looks at — an endpoint's URL and method, a certificate's host and
 * port, a record's name and type, a repository with its branch and the
 * files it looks for, and for reported checks the kind alone (an item has
 * one stream of reports). Timeouts, thresholds and expected values are
 * tuning: a check that differs only there is already set up. Give parsed
 * settings (defaults filled) on both sides.
 */
export function checkIdentity(settings: { kind: string } & Record<string, unknown>): string {
  const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
  switch (settings.kind) {
    case "http":
      return `http ${text(settings.method ?? "GET")} ${text(settings.url)}`;
    case "tls":
      return `tls ${text(settings.host)}:${text(settings.port ?? 443)}`;
    case "dns":
      return `dns ${text(settings.type)} ${text(settings.name)}`;
    case "repository": {
      const files = Array.isArray(settings.files) ? settings.files.map((file) => text((file as { path?: unknown }).path)).sort() : [];
      return `repository ${text(settings.url ?? settings.path)} ${text(settings.branch)} ${files.join(" ")}`;
    }
    case "reported":
      return "reported";
    default:
      return `${settings.kind} ${text(settings.url ?? settings.host ?? settings.name)}`;
  }
}
