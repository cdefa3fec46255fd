"use client";

import { useActionState, useMemo, useRef, useState } from "react";
import { importFormAction } from "@/lib/server/actions/imports";
import { documentTooLarge, MAX_DOCUMENT_SIZE } from "@/lib/schemas/document";
import { decodeDocumentBytes } from "@/lib/schemas/document-bytes";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField, type SelectOption } from "@/components/ui/field";
import { actionFor, doubleChoices, ImportPreviewView, proposedMatches } from "./import-preview";
import { SourceLines } from "./source-lines";

// Upload or paste → preview → import.
export function ImportForm({ projects, initialProjectId }: { projects: SelectOption[]; initialProjectId: string | null }) {
  const [state, action, pending] = useActionState(importFormAction, null);
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("");
  // Lines of the uploaded file that were not UTF-8 (read as Windows-1252).
  const [invalidLines, setInvalidLines] = useState<number[]>([]);
  const [target, setTarget] = useState(initialProjectId ? "existing" : "new");
  // Until typed, the new project is named after the document's title.
  const [name, setName] = useState<string | null>(null);
  const latest = state?.ok && "preview" in state.data ? state.data : null;
  // The last preview stays on screen, with the choices made in it, when a
  // later submission is refused (its message shows above it).
  const [shown, setShown] = useState<typeof latest>(null);
  if (latest && latest !== shown) setShown(latest);
  const preview = shown?.preview ?? null;
  // The person's match decisions, by row; each new preview starts from its own proposals.
  const [choices, setChoices] = useState<{ of: typeof preview; rows: Record<number, string> }>({ of: null, rows: {} });
  if (choices.of !== preview) setChoices({ of: preview, rows: preview ? proposedMatches(preview) : {} });
  const importing = preview ? preview.plan.items.filter((i) => actionFor(i, choices.rows[i.row] ?? i.existingId ?? "new", preview).action !== "unchanged").length : 0;
  const clashes = preview ? doubleChoices(choices.rows) : new Map<number, number>();
  const form = useRef<HTMLFormElement>(null);
  // A changed match is previewed again at once: the server recomputes the
  // status, warnings and counts the import would write with every choice.
  const choose = (row: number, value: string) => {
    const rows = { ...choices.rows, [row]: value };
    setChoices({ of: preview, rows });
    if (doubleChoices(rows).size === 0) queueMicrotask(() => form.current?.requestSubmit(form.current.querySelector<HTMLButtonElement>('button[name="intent"][value="preview"]')));
  };
  // The form's own message, or why the match decisions were refused (a field of no input here).
  const matchErrors = Object.entries(state && !state.ok ? (state.error?.fields ?? {}) : {}).filter(([field]) => field.startsWith("matches"));
  const message = formError(state) ?? (matchErrors.length ? matchErrors.flatMap(([, messages]) => messages).join(" ") : undefined);
  // Checked here too, before sending: a document over the limit is refused with its text kept.
  const tooLarge = useMemo(() => documentTooLarge(text), [text]);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    // Not file.text(): that turns bytes that are not UTF-8 into "�" for good.
    const { text: decoded, invalidLines: lines } = decodeDocumentBytes(new Uint8Array(await file.arrayBuffer()));
    setInvalidLines(lines);
    setText(decoded);
  };

  return (
    <form ref={form} action={action} className="space-y-6" noValidate onSubmit={(event) => tooLarge && event.preventDefault()}>
      <input type="hidden" name="fileName" value={fileName} />
      <input type="hidden" name="previewed" value={shown?.previewed ?? ""} />
      <input type="hidden" name="basis" value={preview?.basis ?? ""} />
      <Card title="1. The document">
        <div className="space-y-4">
          <label className="block text-sm">
            <span className="font-medium text-slate-900">Upload a Markdown file</span>
            <input type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" className="mt-1 block text-sm" onChange={(event) => void readFile(event.target.files?.[0])} aria-label="Upload a Markdown file" />
          </label>
          {invalidLines.length > 0 && (
            <Alert tone="info">
              The file is not valid UTF-8 on line{invalidLines.length === 1 ? "" : "s"} {invalidLines.slice(0, 10).join(", ")}
              {invalidLines.length > 10 ? ` and ${invalidLines.length - 10} more` : ""}: read as Windows-1252 there; check their accented letters and symbols.
            </Alert>
          )}
          <TextAreaField
            name="text"
            label="Or paste it here"
            rows={12}
            value={text}
            onChange={(event) => setText(event.target.value)}
            className="font-mono text-xs"
            hint={`Markdown, at most ${MAX_DOCUMENT_SIZE}.`}
            errors={tooLarge ? [tooLarge] : fieldErrors(state, "text")}
          />
        </div>
      </Card>

      <Card title="2. Where it goes">
        <fieldset className="space-y-3 text-sm">
          <legend className="sr-only">Import into</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="target" value="new" checked={target === "new"} onChange={() => setTarget("new")} /> A new project
          </label>
          {target === "new" && (
            <div className="ml-6 max-w-md">
              <TextField name="name" label="Project name" value={name ?? preview?.title ?? ""} onChange={(event) => setName(event.target.value)} placeholder="Checkout API" errors={fieldErrors(state, "name")} />
            </div>
          )}
          <label className="flex items-center gap-2">
            <input type="radio" name="target" value="existing" checked={target === "existing"} onChange={() => setTarget("existing")} disabled={projects.length === 0} /> An existing project (rows are matched to its items by key, title or meaning, which you check in the preview; nothing is deleted)
          </label>
          {target === "existing" && (
            <div className="ml-6 max-w-md">
              <SelectField name="projectId" label="Project" options={projects} defaultValue={initialProjectId ?? undefined} errors={fieldErrors(state, "projectId")} />
            </div>
          )}
        </fieldset>
      </Card>

      {message && <Alert>{message}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="preview" variant={preview ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Reading…" : "Preview"}
        </Button>
        {preview && (
          <Button type="submit" name="intent" value="import" disabled={pending || clashes.size > 0}>
            Import {importing} item{importing === 1 ? "" : "s"}
          </Button>
        )}
      </div>
      {clashes.size > 0 && <Alert>Two rows are matched to the same item: make one of them a new item or pick another item before importing.</Alert>}

      {preview && (
        <>
          <ImportPreviewView preview={preview} choices={choices.rows} clashes={clashes} onChoose={choose} />
          <Card title="Source" description="The document as read (after any repair of its encoding), with line numbers; warnings and items link here.">
            <SourceLines text={preview.source} />
          </Card>
        </>
      )}
    </form>
  );
}
