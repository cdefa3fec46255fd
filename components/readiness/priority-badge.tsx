import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PRIORITY_GROUP_LABEL, PRIORITY_MEANING, priorityGroupOf, type ItemPriority, type PriorityGroup } from "@/lib/domain/readiness/vocabulary";

const TONE: Record<PriorityGroup, BadgeTone> = { CRITICAL: "red", HIGH: "amber", MEDIUM: "indigo", LOW: "slate", UNTRIAGED: "violet" };
const MEANING: Record<PriorityGroup, string> = { ...PRIORITY_MEANING, UNTRIAGED: "Nobody has weighed this item yet: no level above 1 until it has a priority" };

export function PriorityBadge({ priority }: { priority: ItemPriority }) {
  const group = priorityGroupOf(priority);
  return (
    <Badge tone={TONE[group]} title={MEANING[group]}>
      {PRIORITY_GROUP_LABEL[group]}
    </Badge>
  );
}
