import { Alert } from "@/components/ui/alert";

/**
 * The confirmation after "Set up checks": the set-up page redirects to the
 * project's checks with `?added=N`; the checks page shows this for it.
 * Nothing for a missing or malformed count.
 */
export function ChecksAddedNotice({ added }: { added: string | string[] | undefined }) {
  const count = typeof added === "string" && /^\d{1,4}$/.test(added) ? Number(added) : null;
  if (count === null) return null;
  return (
    <Alert tone="success">
      {count === 0
        ? "Every chosen check was already set up; nothing was added."
        : `Added ${count} check${count === 1 ? "" : "s"}. Each stays pending, its item unchanged, until its first result.`}
    </Alert>
  );
}
