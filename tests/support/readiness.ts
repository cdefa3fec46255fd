// Projects, items and helpers for the readiness integration tests.
import { AppError } from "@/lib/server/kernel/errors";
import type { Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { createProject } from "@/lib/server/services/projects";

export const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

export async function catalogueProject(lead: Actor, categories = ["security", "testing"], name = "Checkout API") {
  const { projectId } = await createProject(lead, { name, source: "catalogue", categories });
  return projectId;
}

export const itemsOf = (projectId: string) => db.item.findMany({ where: { projectId }, orderBy: [{ categoryId: "asc" }, { position: "asc" }] });

export const itemByKey = (projectId: string, key: string) => db.item.findUniqueOrThrow({ where: { projectId_key: { projectId, key } } });

export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
