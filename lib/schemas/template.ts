import { z } from "zod";
import { documentText } from "./document";
import { id } from "./fields";

// A team template arrives as a YAML checklist (docs/checklist-yaml.md).
export const saveTemplateInput = z.object({
  text: documentText("Paste or upload a YAML checklist."),
});

export const deleteTemplateInput = z.object({ templateId: id });
