import { z } from "zod";
import { id, requiredText } from "./fields";

const categoryName = requiredText("a category name", 100);

export const addCategoryInput = z.object({ projectId: id, name: categoryName });
export const renameCategoryInput = z.object({ categoryId: id, name: categoryName });
export const moveCategoryInput = z.object({ categoryId: id, direction: z.enum(["up", "down"]) });
export const deleteCategoryInput = z.object({ categoryId: id });
