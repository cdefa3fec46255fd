import { z } from "zod";
import { calendarDay, id, multilineString, optionalLongText } from "./fields";

export const requestWaiverInput = z.object({
  itemId: id,
  reason: multilineString({ error: "Explain why the risk is acceptable." }).trim().min(10, "Explain why the risk is acceptable (at least 10 characters).").max(2000, "Use at most 2000 characters."),
  expiresAt: calendarDay,
});

export const decideWaiverInput = z.object({
  waiverId: id,
  decision: z.enum(["APPROVE", "REJECT"], { error: "Approve or reject." }),
  note: optionalLongText(1000),
});

export const withdrawWaiverInput = z.object({ waiverId: id });
