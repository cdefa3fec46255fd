import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PRIORITY_LABEL, PRIORITY_MEANING, type Priority } from "@/lib/domain/readiness/vocabulary";

const TONE: Record<Priority, BadgeTone> = { CRITICAL: "red", HIGH: "amber", MEDIUM: "indigo", LOW: "slate" };

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <Badge tone={TONE[priority]} title={PRIORITY_MEANING[priority]}>
      {PRIORITY_LABEL[priority]}
    </Badge>
  );
}
