import { z } from "zod";
import { id, multilineString } from "./fields";

// A team template arrives as a YAML checklist (docs/checklist-yaml.md).
export const saveTemplateInput = z.object({
  text: multilineString({ error: "Paste or upload a YAML checklist." }).trim().min(1, "Paste or upload a YAML checklist.").max(2_000_000, "The file is larger than 2 MB."),
});

export const deleteTemplateInput = z.object({ templateId: id });
