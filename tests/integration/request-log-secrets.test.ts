// Share-link and invitation tokens are bearer secrets: the request log the
// proxy writes must not hold them, in the path or the query string.
import { NextRequest, type NextFetchEvent } from "next/server";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/server/kernel/logger";
import proxy from "@/proxy";

const SECRET = "Zq9shareTokenSecret0123456789";

type Stream = { write: (line: string) => unknown };
const stream = (logger as unknown as Record<symbol, Stream>)[pino.symbols.streamSym];

async function logOf(url: string): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(stream, "write").mockImplementation((line: string) => {
    lines.push(line);
    return true;
  });
  try {
    await proxy(new NextRequest(new URL(url, "http://localhost:3000")), {} as NextFetchEvent);
  } finally {
    spy.mockRestore();
  }
  return lines.join("");
}

afterEach(() => vi.restoreAllMocks());

describe("request logs", () => {
  it("are written, with the path", async () => {
    expect(await logOf("/projects/p1/items?status=open")).toContain('"path":"/projects/p1/items?status=open"');
  });

  it("hold no share-link or invitation token", async () => {
    for (const url of [
      `/share/${SECRET}`,
      `/share/${SECRET}/badge.svg?style=flat`,
      `/invite/${SECRET}`,
      `/sign-in?next=${encodeURIComponent(`/invite/${SECRET}`)}&email=someone%40example.com`,
      `/sign-in?next=/share/${SECRET}`,
      `/api/v1/projects?token=${SECRET}`,
    ]) {
      const log = await logOf(url);
      expect(log, url).toContain('"msg":"request"');
      expect(log, url).not.toContain(SECRET);
      expect(log, url).toContain("[redacted]");
    }
  });
});
