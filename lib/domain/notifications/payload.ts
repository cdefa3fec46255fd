// The facts an event carries (the outbox's `payload` column), versioned
// because webhooks deliver them to other people's code: a field is added in
// a minor way only, and anything else takes a new `v`.
import type { NotificationKind } from "./kinds";

/** Version 1 of an event's facts. Days are ISO `YYYY-MM-DD` in the team's zone; instants are ISO 8601. */
export type NotificationPayloadV1 = {
  v: 1;
  kind: NotificationKind;
  /** One sentence saying what happened, as the inbox and messages show it. */
  summary: string;
  project: { id: string; name: string } | null;
  item: { id: string; key: string; title: string } | null;
  /** Who did it, as shown; "Shipshape" for what the scheduler found. */
  actor: string;
  /** Kind-specific facts, flat: e.g. `dueOn`, `level`, `previousLevel`, `reason`, `checkName`. */
  details: Record<string, string | number | boolean | null>;
};

export const PAYLOAD_VERSION = 1;
