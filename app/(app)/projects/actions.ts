"use server";

// Server actions of the readiness pages: thin adapters that hand the form or
// arguments to the service with the current actor. The services validate,
// check permissions and record activity.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, runAction, type ActionResult } from "@/lib/server/actions/action-result";
import type { Actor } from "@/lib/server/kernel/actor";
import { requireActor } from "@/lib/server/access/current-actor";
import type { ItemView } from "@/lib/server/read-models/item-view";
import { addCategory, deleteCategory, moveCategory, renameCategory } from "@/lib/server/services/categories";
import { addEvidence, removeEvidence } from "@/lib/server/services/evidence";
import { createItem, deleteItem, reorderItem, updateItem } from "@/lib/server/services/items";
import { archiveProject, createProject, deleteProject, restoreProject, updateProject, updateProjectSettings } from "@/lib/server/services/projects";
import { decideWaiver, requestWaiver, withdrawWaiver } from "@/lib/server/services/waivers";

export type FormState<T = void> = (ActionResult<T> & { values?: Record<string, string> }) | null;

// Runs a service call for the signed-in actor and refreshes what it changed.
async function perform<T>(work: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  const actor = await requireActor();
  const result = await runAction(() => work(actor));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

async function submit<T>(form: FormData, work: (actor: Actor, values: Record<string, string>) => Promise<T>): Promise<FormState<T>> {
  const values = formValues(form);
  return { ...(await perform((actor) => work(actor, values))), values };
}

// ── Projects ────────────────────────────────────────────────────────────────

export async function createProjectAction(_: FormState<{ projectId: string }>, form: FormData) {
  const state = await submit(form, (actor, values) =>
    createProject(actor, { ...values, categoryKeys: form.getAll("categoryKeys").map(String) }),
  );
  if (state?.ok) redirect(`/projects/${state.data.projectId}`);
  return state;
}

export async function updateProjectAction(_: FormState, form: FormData) {
  return submit(form, (actor, values) => updateProject(actor, values));
}

export async function projectSettingsAction(_: FormState, form: FormData) {
  return submit(form, (actor, values) => updateProjectSettings(actor, values));
}

export async function archiveProjectAction(projectId: string, archive: boolean) {
  return perform((actor) => (archive ? archiveProject : restoreProject)(actor, { projectId }));
}

export async function deleteProjectAction(_: FormState, form: FormData) {
  const state = await submit(form, (actor, values) => deleteProject(actor, values));
  if (state?.ok) redirect("/");
  return state;
}

// ── Categories ──────────────────────────────────────────────────────────────

export async function addCategoryAction(_: FormState<{ categoryId: string }>, form: FormData) {
  return submit(form, (actor, values) => addCategory(actor, values));
}

export async function renameCategoryAction(categoryId: string, name: string) {
  return perform((actor) => renameCategory(actor, { categoryId, name }));
}

export async function moveCategoryAction(categoryId: string, direction: "up" | "down") {
  return perform((actor) => moveCategory(actor, { categoryId, direction }));
}

export async function deleteCategoryAction(categoryId: string) {
  return perform((actor) => deleteCategory(actor, { categoryId }));
}

// ── Items ───────────────────────────────────────────────────────────────────

export async function createItemAction(_: FormState<{ itemId: string; key: string }>, form: FormData) {
  return submit(form, (actor, values) => createItem(actor, values));
}

export async function updateItemAction(itemId: string, version: number, changes: Record<string, unknown>): Promise<ActionResult<ItemView>> {
  return perform((actor) => updateItem(actor, { itemId, version, changes }));
}

export async function reorderItemAction(itemId: string, direction: "up" | "down") {
  return perform((actor) => reorderItem(actor, { itemId, direction }));
}

export async function deleteItemAction(projectId: string, itemId: string) {
  const result = await perform((actor) => deleteItem(actor, { itemId }));
  if (result.ok) redirect(`/projects/${projectId}`);
  return result;
}

// ── Evidence and waivers ────────────────────────────────────────────────────

export async function addEvidenceAction(_: FormState<{ evidenceId: string }>, form: FormData) {
  return submit(form, (actor, values) => addEvidence(actor, values));
}

export async function removeEvidenceAction(evidenceId: string) {
  return perform((actor) => removeEvidence(actor, { evidenceId }));
}

export async function requestWaiverAction(_: FormState<{ waiverId: string }>, form: FormData) {
  return submit(form, (actor, values) => requestWaiver(actor, values));
}

export async function decideWaiverAction(waiverId: string, decision: "APPROVE" | "REJECT", note: string) {
  return perform((actor) => decideWaiver(actor, { waiverId, decision, note }));
}

export async function withdrawWaiverAction(waiverId: string) {
  return perform((actor) => withdrawWaiver(actor, { waiverId }));
}
