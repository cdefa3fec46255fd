/** What the checklist's place shows while its rows stream in after the top of the project page. */
export function ChecklistLoading() {
  return (
    <p role="status" className="min-h-40 rounded-xl bg-white px-5 py-10 text-center text-sm text-slate-600 ring-1 ring-slate-200">
      Loading the checklist…
    </p>
  );
}
