import { cn } from "@/components/ui/cn";

// The percentage as a bar; colour follows how close the project is to done.
export function ReadinessMeter({ percent, className }: { percent: number; className?: string }) {
  const colour = percent >= 90 ? "bg-emerald-500" : percent >= 60 ? "bg-indigo-500" : percent >= 30 ? "bg-amber-500" : "bg-red-500";
  return (
    <div className={cn("h-2 w-full overflow-hidden rounded-full bg-slate-100", className)} aria-hidden>
      <div className={cn("h-full rounded-full", colour)} style={{ width: `${percent}%` }} />
    </div>
  );
}
