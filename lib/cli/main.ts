// `shipshape` — set up an installation, manage API tokens, and record
// evidence from CI. Run through scripts/shipshape.mjs, which provides the
// database for the commands that need one.
import { parseArgs } from "node:util";
import { AppError } from "@/lib/server/kernel/errors";
import { CliError, fail, usageError, type Output } from "./output";

export const USAGE = `Usage: shipshape <command> [options]

Commands (operators, on the Shipshape host; use the server's DATABASE_URL, or its embedded PostgreSQL:
          the same SHIPSHAPE_DATA_DIR and SHIPSHAPE_PG_PORT as npm start):
  setup --email E --team NAME [--name N] [--time-zone ZONE]
                                             Create the first admin and team; the password is read from stdin;
                                             the team's time zone is this machine's unless ZONE (IANA, e.g. Europe/Berlin) is given
  token create --team SLUG --name N --scope read|write [--expires-in-days D]
                                             Create an API token and print it once
  token revoke ID                            Revoke a token at once
  token list --team SLUG                     List a team's tokens

  export PROJECT_ID [--format md|csv|json|pdf] [--out FILE]
                                             A project's status report (stdout without --out)
  export PROJECT_ID --format yaml [--out FILE]
                                             A project's checklist as code (re-importable)
  export --team SLUG [--format md|csv|json|pdf] [--out FILE]
                                             The portfolio report of a team's active projects

  import FILE --dry-run [--json]             What a Markdown document (or YAML checklist) holds, without touching a database
  import FILE --team SLUG --new NAME         Import it into a new project
  import FILE --project ID [--dry-run]       Merge it into a project (never deletes); --dry-run lists the changes

  backup [--out FILE]                        Archive the whole database, from one snapshot (FILE defaults to
                                             shipshape-backup-<time>.tar.gz here; - writes to stdout); mode 0600
  restore FILE [--force]                     Load an archive (- reads stdin) into an empty database; --force empties
                                             a database that holds data first. Everyone signs in again afterwards

Commands (CI jobs and scripts; use SHIPSHAPE_URL and SHIPSHAPE_TOKEN):
  evidence add --project ID --item KEY --url URL [--status DONE] [--label L] [--kind CI_RUN] [--expires-at YYYY-MM-DD]
                                             Attach a link to an item (once per URL) and optionally set its status
  check run --project ID [--item KEY] [--wait [--timeout SECONDS]]
                                             Run the project's (or one item's) automated checks now and print the
                                             results; exits 1 when one failed (a write token is needed). --wait
                                             waits until every run has finished (at most SECONDS, default 300) and
                                             prints each check: item key, kind, state, summary
  check report --project ID --check CHECK_ID (--pass | --fail) [--summary TEXT] [--url URL]
                                             Report a pipeline's result for a "reported" check; applied at once;
                                             exits 0 once accepted, whether it passed or failed

Every command takes --json for machine-readable output.

Exit codes: 0 done; 1 failed (a check failed, the server refused, unreachable, a bad file);
2 wrong usage; 3 check run --wait timed out with runs unfinished.`;

const OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  email: { type: "string" },
  team: { type: "string" },
  name: { type: "string" },
  "time-zone": { type: "string" },
  scope: { type: "string" },
  "expires-in-days": { type: "string" },
  project: { type: "string" },
  item: { type: "string" },
  url: { type: "string" },
  status: { type: "string" },
  label: { type: "string" },
  kind: { type: "string" },
  "expires-at": { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  "dry-run": { type: "boolean" },
  new: { type: "string" },
  force: { type: "boolean" },
  check: { type: "string" },
  pass: { type: "boolean" },
  fail: { type: "boolean" },
  summary: { type: "string" },
  wait: { type: "boolean" },
  timeout: { type: "string" },
} as const;

async function run(argv: string[], output: Output): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  output.json = Boolean(values.json);
  const [command, action, ...rest] = positionals;
  if (values.help || !command || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  switch (command) {
    case "setup":
      return (await import("./commands/setup")).setupCommand(values, output);
    case "token":
      return (await import("./commands/token")).tokenCommand(action, rest, values, output);
    case "export":
      return (await import("./commands/export")).exportCommand(action, values, output);
    case "import":
      return (await import("./commands/import")).importCommand(action, values, output);
    case "backup":
      return (await import("./commands/backup")).backupCommand(values, output);
    case "restore":
      return (await import("./commands/backup")).restoreCommand(action, values, output);
    case "evidence":
      return (await import("./commands/evidence")).evidenceCommand(action, values, output);
    case "check":
      return (await import("./commands/check")).checkCommand(action, values, output);
    default:
      throw usageError(`Unknown command “${command}”. Run \`shipshape help\`.`);
  }
}

async function main(): Promise<number> {
  const output: Output = { json: process.argv.includes("--json") };
  try {
    await run(process.argv.slice(2), output);
    return 0;
  } catch (error) {
    const failure =
      error instanceof CliError
        ? error
        : error instanceof AppError
          ? new CliError(error.toBody())
          : new CliError({ code: "INTERNAL", message: (error as Error).stack ?? String(error) });
    fail(output, failure);
    if (failure.exitCode === 2 && !output.json) process.stderr.write(`\n${USAGE}\n`);
    return failure.exitCode;
  }
}

// Exits explicitly: open database pools would keep the process alive.
void main().then((code) => process.exit(code));
