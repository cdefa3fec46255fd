import { z } from "zod";
import { id, optionalDays } from "./fields";

export const createShareLinkInput = z.object({
  projectId: id,
  // Blank means the link does not expire.
  expiresInDays: optionalDays,
});

export const revokeShareLinkInput = z.object({ shareLinkId: id });
