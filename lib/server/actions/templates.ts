"use server";

// Server actions of the team's templates; new projects can start from them.
import { deleteTeamTemplate, saveTeamTemplate } from "@/lib/server/services/templates";
import { defineAction } from "./define-action";

const TEMPLATE_PAGES = ["/templates", "/projects/new"];

// The text stays in its (controlled) field, so a failure sends nothing back.
export const saveTemplateAction = defineAction({
  form: { keep: [] },
  run: async (actor, form) => {
    const { key, version } = await saveTeamTemplate(actor, { text: form.get("text") });
    return { key, version };
  },
  revalidate: () => TEMPLATE_PAGES,
});

export const deleteTemplateAction = defineAction({
  run: (actor, templateId: string) => deleteTeamTemplate(actor, { templateId }),
  revalidate: () => TEMPLATE_PAGES,
});
