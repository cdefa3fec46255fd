"use server";

// Server actions of projects and their categories: each hands the form or its
// arguments to one service with the signed-in member, which validates, checks
// permissions and records activity (define-action.ts).
import { addCategory, deleteCategory, moveCategory, renameCategory } from "@/lib/server/services/categories";
import { archiveProject, createProject, deleteProject, restoreProject, updateProject, updateProjectSettings } from "@/lib/server/services/projects";
import { defineAction, fieldsOf } from "./define-action";
import { portfolioPages, projectPages, wholeProjectPages } from "./pages";

const projectOf = (form: FormData) => String(form.get("projectId"));

export const createProjectAction = defineAction({
  form: true,
  run: async (actor, form) => ({ projectId: (await createProject(actor, { ...fieldsOf(form), categories: form.getAll("categories").map(String) })).projectId }),
  revalidate: () => portfolioPages,
  redirect: ({ projectId }) => `/projects/${projectId}`,
});

export const updateProjectAction = defineAction({
  form: true,
  run: (actor, form) => updateProject(actor, fieldsOf(form)),
  revalidate: (_, form) => projectPages(projectOf(form)),
});

// The evidence policy and weights change how every item counts.
export const projectSettingsAction = defineAction({
  form: true,
  run: (actor, form) => updateProjectSettings(actor, fieldsOf(form)),
  revalidate: (_, form) => wholeProjectPages(projectOf(form)),
});

export const archiveProjectAction = defineAction({
  run: (actor, projectId: string, archive: boolean) => (archive ? archiveProject : restoreProject)(actor, { projectId }),
  revalidate: (_, [projectId]) => wholeProjectPages(projectId),
});

export const deleteProjectAction = defineAction({
  form: true,
  run: (actor, form) => deleteProject(actor, fieldsOf(form)),
  revalidate: () => portfolioPages,
  redirect: () => "/",
});

// Categories show on the project's pages and in every item's category picker.

export const addCategoryAction = defineAction({
  form: true,
  run: (actor, form) => addCategory(actor, fieldsOf(form)),
  revalidate: ({ projectId }) => wholeProjectPages(projectId),
});

export const renameCategoryAction = defineAction({
  run: (actor, categoryId: string, name: string) => renameCategory(actor, { categoryId, name }),
  revalidate: ({ projectId }) => wholeProjectPages(projectId),
});

export const moveCategoryAction = defineAction({
  run: (actor, categoryId: string, direction: "up" | "down") => moveCategory(actor, { categoryId, direction }),
  revalidate: ({ projectId }) => wholeProjectPages(projectId),
});

export const deleteCategoryAction = defineAction({
  run: (actor, categoryId: string) => deleteCategory(actor, { categoryId }),
  revalidate: ({ projectId }) => wholeProjectPages(projectId),
});
