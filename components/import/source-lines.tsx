// The imported document with numbered, linkable lines (#source-L12).
export function SourceLines({ text }: { text: string }) {
  return (
    <ol className="max-h-[32rem] overflow-auto rounded-md bg-slate-50 py-2 font-mono text-xs text-slate-700 ring-1 ring-slate-200" data-testid="import-source">
      {text.split(/\r?\n/).map((line, index) => (
        <li key={index} id={`source-L${index + 1}`} className="flex gap-3 px-3 target:bg-amber-100">
          <span className="w-8 shrink-0 select-none text-right text-slate-500">{index + 1}</span>
          <span className="whitespace-pre-wrap break-all">{line || " "}</span>
        </li>
      ))}
    </ol>
  );
}
