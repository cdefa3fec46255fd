"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { removeCheckAction } from "@/lib/server/actions/checks";

/** "Remove", asking first: the item keeps its status and its last result as evidence until that expires. */
export function RemoveCheckButton({ checkId, what }: { checkId: string; what: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant="ghost" aria-label={`Remove check ${what}`}>
          Remove
        </Button>
      </DialogTrigger>
      <DialogContent title={`Remove the check of ${what}?`} description="Its results are deleted. The item keeps its status, and its last result stays as evidence until it expires; then the item turns stale unless someone verifies it another way.">
        {error && <Alert>{error}</Alert>}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" size="sm">
              Keep it
            </Button>
          </DialogClose>
          <Button
            size="sm"
            variant="danger"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const result = await removeCheckAction(checkId);
                if (result.ok) setOpen(false);
                else setError(result.error.message);
              })
            }
          >
            {pending ? "Removing…" : "Remove check"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
