const FORMATS = [
  { format: "md", label: "Markdown" },
  { format: "csv", label: "CSV" },
  { format: "pdf", label: "PDF" },
  { format: "json", label: "JSON" },
] as const;

// Download links for a report in every format.
export function ReportDownloads({ href, label, note }: { href: string; label: string; note?: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm print:hidden" role="group" aria-label={label}>
      <span className="text-slate-600">{label}:</span>
      {FORMATS.map(({ format, label: name }) => (
        <a key={format} href={`${href}?format=${format}`} className="rounded-md bg-white px-2.5 py-1 font-medium text-slate-700 shadow-sm ring-1 ring-slate-200 hover:bg-slate-50" download>
          {name}
        </a>
      ))}
      {note && <span className="text-slate-500">{note}</span>}
    </div>
  );
}
