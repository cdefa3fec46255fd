"use client";

import { useActionState, useState, useTransition } from "react";
import { addCategoryAction, deleteCategoryAction, moveCategoryAction, renameCategoryAction } from "@/lib/server/actions/projects";
import { fieldErrors } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

type Category = { id: string; name: string; items: number };

function CategoryRow({ category, first, last }: { category: Category; first: boolean; last: boolean }) {
  const [name, setName] = useState(category.name);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; error?: { message: string; fields?: Record<string, string[]> } }>) =>
    start(async () => {
      const result = await work();
      setError(result.ok ? null : (result.error?.fields?.name?.join(" ") ?? result.error?.message ?? null));
    });
  return (
    <li className="py-2.5">
      <div className="flex flex-wrap items-center gap-2">
        <input
          aria-label={`Name of category ${category.name}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), name !== category.name && run(() => renameCategoryAction(category.id, name)))}
          onBlur={() => name !== category.name && run(() => renameCategoryAction(category.id, name))}
          className="min-w-0 flex-1 rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
        />
        <span className="w-16 text-xs text-slate-500">{category.items} items</span>
        <Button size="sm" variant="ghost" aria-label={`Move ${category.name} up`} disabled={first || pending} onClick={() => run(() => moveCategoryAction(category.id, "up"))}>↑</Button>
        <Button size="sm" variant="ghost" aria-label={`Move ${category.name} down`} disabled={last || pending} onClick={() => run(() => moveCategoryAction(category.id, "down"))}>↓</Button>
        {confirming ? (
          <>
            <Button size="sm" variant="danger" disabled={pending} onClick={() => run(() => deleteCategoryAction(category.id))}>
              Delete with {category.items} items
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>Keep</Button>
          </>
        ) : (
          <Button size="sm" variant="ghost" aria-label={`Delete ${category.name}`} onClick={() => setConfirming(true)}>Delete</Button>
        )}
      </div>
      {error && <p className="mt-1 text-xs font-medium text-red-600">{error}</p>}
    </li>
  );
}

export function CategoryManager({ projectId, categories }: { projectId: string; categories: Category[] }) {
  const [state, action, pending] = useActionState(addCategoryAction, null);
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-100" aria-label="Categories">
        {categories.map((category, index) => (
          <CategoryRow key={`${category.id}-${category.name}`} category={category} first={index === 0} last={index === categories.length - 1} />
        ))}
      </ul>
      <form action={action} className="flex flex-wrap items-end gap-2" noValidate aria-label="Add category">
        <input type="hidden" name="projectId" value={projectId} />
        <div className="min-w-0 flex-1">
          <TextField name="name" id="new-category" label="New category" key={state?.ok ? "reset" : "keep"} defaultValue={state?.ok ? "" : state?.values?.name} errors={fieldErrors(state, "name")} />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>Add category</Button>
      </form>
      {state && !state.ok && !state.error.fields && <Alert>{state.error.message}</Alert>}
    </div>
  );
}
