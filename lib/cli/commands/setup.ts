import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { setUpFromCommandLine } from "@/lib/server/services/setup";
import { succeed, usageError, type Output } from "@/lib/cli/output";

// The password comes from stdin: piped (`echo "$PASSWORD" | shipshape setup …`)
// or typed at a prompt that does not echo it.
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  }
  process.stderr.write("Password for the first admin (at least 12 characters): ");
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  const password = await new Promise<string>((resolve) => prompt.question("", resolve));
  prompt.close();
  process.stderr.write("\n");
  return password;
}

// The team's time zone is this machine's unless --time-zone names another
// (the setup page uses the browser's in the same way).
export async function setupCommand(options: { email?: string; team?: string; name?: string; "time-zone"?: string }, output: Output) {
  if (!options.email || !options.team) throw usageError("setup needs --email and --team.");
  const password = await readPassword();
  const timeZone = options["time-zone"] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const result = await setUpFromCommandLine({
    email: options.email,
    teamName: options.team,
    name: options.name ?? options.email.split("@")[0],
    password,
    timeZone,
  });
  succeed(output, result, [
    `Shipshape is set up. ${result.user.email} is the admin of team “${options.team}” (slug: ${result.team.slug}, time zone: ${result.team.timeZone}).`,
    "Sign in with that e-mail address and password.",
  ]);
}
