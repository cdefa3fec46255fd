"use client";

import { Dialog, DialogContent } from "@/components/ui/dialog";
import { SHORTCUTS } from "./keyboard";

/** The checklist's keyboard shortcuts, from the same table the keys are read with. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Keyboard shortcuts" description="On the checklist; never while typing in a field.">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {SHORTCUTS.map(({ keys, does }) => (
            <div key={does} className="contents">
              <dt className="flex gap-1">
                {keys.map((key) => (
                  <kbd key={key} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-300">
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-slate-700">{does}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
