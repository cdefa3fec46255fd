import { z } from "zod";
import { id } from "./fields";

// Folding a checklist category away (or opening it again), for the person doing it.
export const setCategoryCollapsedInput = z.object({ categoryId: id, collapsed: z.boolean() });
