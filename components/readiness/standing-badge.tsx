import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STANDING_GLYPH, STANDING_LABEL, type Standing } from "@/lib/domain/readiness/vocabulary";

const STANDING_TONE: Record<Standing, BadgeTone> = {
  DONE: "emerald",
  WAIVED: "violet",
  STALE: "amber",
  NEEDS_EVIDENCE: "amber",
  PARTIAL: "sky",
  MISSING: "slate",
  NOT_EVALUATED: "indigo",
  NOT_APPLICABLE: "slate",
};

const STANDING_HINT: Partial<Record<Standing, string>> = {
  WAIVED: "Risk accepted by an approved waiver; counts as done until it expires",
  STALE: "Marked done, but all its evidence has expired; counts as partial until re-verified",
  NEEDS_EVIDENCE: "Marked done, but the project's evidence policy asks for evidence and there is none; counts as partial until evidence is added",
  NOT_EVALUATED: "An automated check keeps this item and has not given its first verdict yet; counts as missing until it does",
};

// Waived, stale, unproven and not yet evaluated items always say so: they are never shown as plain "done".
export function StandingBadge({ standing }: { standing: Standing }) {
  return (
    <Badge tone={STANDING_TONE[standing]} title={STANDING_HINT[standing]}>
      <span aria-hidden>{STANDING_GLYPH[standing]}</span>
      {STANDING_LABEL[standing]}
    </Badge>
  );
}
