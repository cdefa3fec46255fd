import "server-only";
import pino from "pino";

// JSON lines in production (one object per event, with the request id when
// there is one); readable, coloured lines in development.
export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: "shipshape" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: ["password", "*.password", "headers.cookie", "headers.authorization"], remove: true },
  ...(process.env.NODE_ENV === "development"
    ? { transport: { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss.l" } } }
    : {}),
});

export function requestLogger(requestId: string | null | undefined) {
  return requestId ? logger.child({ requestId }) : logger;
}
