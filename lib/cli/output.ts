// How the CLI answers: a JSON document on stdout with --json, readable lines
// otherwise. Errors always carry Shipshape's one error shape.
import type { ErrorBody, ErrorCode } from "@/lib/schemas/errors";

// Besides the server's codes, what can go wrong around a request: bad usage,
// an unreachable or odd server, an unreadable or empty file.
type CliErrorCode =
  | "USAGE"
  | "UNREACHABLE"
  | "BAD_RESPONSE"
  | "UNREADABLE"
  | "NO_CHECKLIST"
  | "INVALID_CHECKLIST"
  // `check run`: a check of the project failed
  | "CHECKS_FAILED"
  // `check run --wait`: runs still unfinished at --timeout
  | "CHECKS_TIMED_OUT"
  | `HTTP_${number}`
  // backup and restore (lib/server/backup/format.ts)
  | "INVALID_ARCHIVE"
  | "NOT_EMPTY"
  | "NEWER_ARCHIVE"
  | "RESTORE_FAILED"
  | "BACKUP_FAILED";
type CliErrorBody = Omit<ErrorBody, "code"> & { code: ErrorCode | CliErrorCode };

/**
 * The CLI's exit codes: 0 done (for `check report`: the result was
 * accepted, whether it passed or failed); 1 FAILED — something failed: a
 * check (`check run`), the server's answer (refused, invalid, not found),
 * the connection, a file; 2 USAGE — the command line is wrong (the usage
 * follows); 3 TIMED_OUT — `check run --wait` gave up with runs unfinished.
 */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, TIMED_OUT: 3 } as const;

export class CliError extends Error {
  constructor(
    readonly body: CliErrorBody,
    readonly exitCode: number = EXIT.FAILED,
  ) {
    super(body.message);
  }
}

export const usageError = (message: string) => new CliError({ code: "USAGE", message }, EXIT.USAGE);

export type Output = { json: boolean };

export function succeed(output: Output, data: unknown, lines: string[]) {
  process.stdout.write(output.json ? `${JSON.stringify(data, null, 2)}\n` : `${lines.join("\n")}\n`);
}

export function fail(output: Output, error: CliError) {
  if (output.json) process.stdout.write(`${JSON.stringify({ error: error.body }, null, 2)}\n`);
  const fields = Object.entries(error.body.fields ?? {}).map(([field, messages]) => `  ${field}: ${messages.join(" ")}`);
  process.stderr.write(`shipshape: ${error.body.message}\n${fields.length ? `${fields.join("\n")}\n` : ""}`);
}
