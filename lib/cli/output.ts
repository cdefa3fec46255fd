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
  | `HTTP_${number}`
  // backup and restore (lib/server/backup/format.ts)
  | "INVALID_ARCHIVE"
  | "NOT_EMPTY"
  | "NEWER_ARCHIVE"
  | "RESTORE_FAILED"
  | "BACKUP_FAILED";
type CliErrorBody = Omit<ErrorBody, "code"> & { code: ErrorCode | CliErrorCode };

export class CliError extends Error {
  constructor(
    readonly body: CliErrorBody,
    readonly exitCode = 1,
  ) {
    super(body.message);
  }
}

export const usageError = (message: string) => new CliError({ code: "USAGE", message }, 2);

export type Output = { json: boolean };

export function succeed(output: Output, data: unknown, lines: string[]) {
  process.stdout.write(output.json ? `${JSON.stringify(data, null, 2)}\n` : `${lines.join("\n")}\n`);
}

export function fail(output: Output, error: CliError) {
  if (output.json) process.stdout.write(`${JSON.stringify({ error: error.body }, null, 2)}\n`);
  const fields = Object.entries(error.body.fields ?? {}).map(([field, messages]) => `  ${field}: ${messages.join(" ")}`);
  process.stderr.write(`shipshape: ${error.body.message}\n${fields.length ? `${fields.join("\n")}\n` : ""}`);
}
