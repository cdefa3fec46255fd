"use client";

import { useActionState, useState } from "react";
import { createProjectAction } from "@/lib/server/actions/projects";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";

import { cn } from "@/components/ui/cn";
import type { CatalogueCategoryView } from "@/lib/server/services/catalogue";

// A checklist to start from: the built-in catalogue (key "") or a team template.
export type TemplateChoice = { key: string; name: string; categories: CatalogueCategoryView[] };

const defaults = (categories: CatalogueCategoryView[]) => new Set(categories.filter((c) => c.enabledByDefault).map((c) => c.key));

export function NewProjectForm({ templates }: { templates: TemplateChoice[] }) {
  const [state, action, pending] = useActionState(createProjectAction, null);
  const [source, setSource] = useState<"catalogue" | "blank">("catalogue");
  const [templateKey, setTemplateKey] = useState(templates[0]?.key ?? "");
  const categories = templates.find((t) => t.key === templateKey)?.categories ?? [];
  const [chosen, setChosen] = useState(() => defaults(categories));
  const chooseTemplate = (key: string) => {
    setTemplateKey(key);
    setChosen(defaults(templates.find((t) => t.key === key)?.categories ?? []));
  };
  const message = formError(state);
  const value = (name: string) => state?.values?.[name];
  const itemCount = categories.filter((c) => chosen.has(c.key)).reduce((n, c) => n + c.items.length, 0);
  const toggle = (key: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <form action={action} className="space-y-6" noValidate>
      {message && <Alert>{message}</Alert>}
      <section className="grid gap-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField name="name" label="Project name" required autoFocus defaultValue={value("name")} errors={fieldErrors(state, "name")} />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField name="description" label="Description" rows={2} defaultValue={value("description")} errors={fieldErrors(state, "description")} />
        </div>
        <TextField name="productionUrl" label="Production URL" type="url" placeholder="https://" defaultValue={value("productionUrl")} errors={fieldErrors(state, "productionUrl")} />
        <TextField name="repositoryUrl" label="Repository URL" type="url" placeholder="https://" defaultValue={value("repositoryUrl")} errors={fieldErrors(state, "repositoryUrl")} />
        <TextField name="targetDate" label="Target launch date" type="date" defaultValue={value("targetDate")} errors={fieldErrors(state, "targetDate")} />
      </section>

      <fieldset className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <legend className="sr-only">Start from</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {(["catalogue", "blank"] as const).map((option) => (
            <label
              key={option}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg p-3 ring-1",
                source === option ? "bg-indigo-50 ring-indigo-500" : "ring-slate-200 hover:bg-slate-50",
              )}
            >
              <input type="radio" name="source" value={option} checked={source === option} onChange={() => setSource(option)} className="mt-1" />
              <span>
                <span className="block text-sm font-semibold text-slate-900">{option === "catalogue" ? "From the catalogue" : "Blank"}</span>
                <span className="block text-xs text-slate-600">
                  {option === "catalogue" ? "Start with Shipshape's production readiness checklist." : "Add your own categories and items."}
                </span>
              </span>
            </label>
          ))}
        </div>
        {source === "catalogue" && templates.length > 1 && (
          <div className="mt-5 max-w-md">
            <SelectField
              name="templateChoice"
              label="Checklist"
              value={templateKey}
              onChange={(event) => chooseTemplate(event.target.value)}
              options={templates.map((t) => ({ value: t.key, label: t.key ? `${t.name} (team template)` : t.name }))}
              errors={fieldErrors(state, "template")}
            />
          </div>
        )}
        {source === "catalogue" && templateKey && <input type="hidden" name="template" value={templateKey} />}
        {source === "catalogue" && (
          <div className="mt-5">
            <div className="flex items-baseline justify-between">
              <h2 className="text-sm font-semibold text-slate-900">Categories to include</h2>
              <p className="text-xs text-slate-500" aria-live="polite">
                {chosen.size} categories · {itemCount} items
              </p>
            </div>
            {fieldErrors(state, "categories") && <p className="mt-1 text-xs font-medium text-red-600">{fieldErrors(state, "categories")?.join(" ")}</p>}
            <div className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {categories.map((category) => (
                <label key={category.key} className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-200 hover:bg-slate-50">
                  <input type="checkbox" name="categories" value={category.key} checked={chosen.has(category.key)} onChange={() => toggle(category.key)} className="mt-1" />
                  <span className="min-w-0">
                    <span className="block text-sm font-medium text-slate-900">
                      {category.name} <span className="font-normal text-slate-500">({category.items.length})</span>
                    </span>
                    <span className="block text-xs text-slate-500">{category.description}</span>
                  </span>
                </label>
              ))}
            </div>
          </div>
        )}
      </fieldset>

      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create project"}
        </Button>
      </div>
    </form>
  );
}
