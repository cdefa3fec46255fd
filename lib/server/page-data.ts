import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/server/kernel/errors";

// Pages turn a service's NOT_FOUND (which includes other teams' ids) into the 404 page.
export async function pageOrNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
