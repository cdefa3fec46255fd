import Link from "next/link";
import type { Metadata } from "next";
import { CheckSetupForm } from "@/components/checks/check-setup-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/server/access/current-actor";
import { AppError } from "@/lib/server/kernel/errors";
import { pageOrNotFound } from "@/lib/server/page-data";
import { proposeChecks, type CheckSuggestions } from "@/lib/server/services/check-suggestions";

export const metadata: Metadata = { title: "Set up checks" };

type Props = { params: Promise<{ projectId: string }> };

// An archived project is read only: say so rather than fail.
async function suggestionsOrArchived(load: Promise<CheckSuggestions>): Promise<CheckSuggestions | "archived"> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return "archived";
    throw error;
  }
}

export default async function SetUpChecksPage({ params }: Props) {
  const actor = await requireActor("check.manage");
  const { projectId } = await params;
  const suggestions = await pageOrNotFound(suggestionsOrArchived(proposeChecks(actor, { projectId })));
  const settingsHref = `/projects/${projectId}/settings`;
  return (
    <div className="max-w-4xl">
      <header className="mb-6">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/" className="hover:text-slate-900 hover:underline">
            Projects
          </Link>{" "}
          /{" "}
          <Link href={`/projects/${projectId}`} className="hover:text-slate-900 hover:underline">
            {suggestions === "archived" ? "Project" : suggestions.projectName}
          </Link>{" "}
          /{" "}
          <Link href={`/projects/${projectId}/checks`} className="hover:text-slate-900 hover:underline">
            Checks
          </Link>{" "}
          /
        </nav>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Set up checks</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Checks suggested for this project&apos;s items, built from its URLs. A passing check marks its item done and keeps it proven; choose the ones
          that apply. Each runs on a schedule and can be removed later.
        </p>
      </header>
      {suggestions === "archived" ? (
        <Alert>This project is archived. Restore it in its settings to set up checks.</Alert>
      ) : (
        <div className="space-y-6">
          <Card title="Built from" description="The project's URLs the suggestions use.">
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium text-slate-700">Production URL</dt>
              <dd className="break-all font-mono text-slate-900">{suggestions.urls.productionUrl ?? <span className="font-sans text-slate-500">not set</span>}</dd>
              <dt className="font-medium text-slate-700">Repository URL</dt>
              <dd className="break-all font-mono text-slate-900">{suggestions.urls.repositoryUrl ?? <span className="font-sans text-slate-500">not set</span>}</dd>
            </dl>
            {suggestions.missingUrls.length > 0 ? (
              <div className="mt-4 space-y-2" data-testid="missing-urls">
                {suggestions.missingUrls.map((missing) => (
                  <Alert key={missing.field} tone="info">
                    {missing.message} ({missing.suggestions} more check{missing.suggestions === 1 ? "" : "s"}.){" "}
                    <Link href={settingsHref} className="font-medium underline">
                      Set the {missing.label} in the project settings
                    </Link>
                  </Alert>
                ))}
              </div>
            ) : (
              <p className="mt-3 text-sm">
                <Link href={settingsHref} className="font-medium text-indigo-700 hover:underline">
                  Change them in the project settings
                </Link>
              </p>
            )}
          </Card>
          <CheckSetupForm suggestions={suggestions} />
        </div>
      )}
    </div>
  );
}
