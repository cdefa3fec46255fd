import Link from "next/link";

// A project without categories: the two ways to fill it, right where the checklist will be.
export function ChecklistEmpty({ projectId, canManageCategories }: { projectId: string; canManageCategories: boolean }) {
  return (
    <div className="rounded-xl bg-white px-5 py-10 text-center ring-1 ring-slate-200">
      <p className="text-sm font-medium text-slate-900">This project has no categories yet.</p>
      {canManageCategories ? (
        <>
          <p className="mt-1 text-sm text-slate-600">Add a category to start its checklist, or import an existing readiness document.</p>
          <p className="mt-4 flex flex-wrap justify-center gap-3">
            <Link href={`/projects/${projectId}/settings`} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2">
              Add category
            </Link>
            <Link href={`/projects/import?projectId=${projectId}`} className="rounded-md px-3 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
              Import a document
            </Link>
          </p>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-600">A lead adds its categories and items.</p>
      )}
    </div>
  );
}
