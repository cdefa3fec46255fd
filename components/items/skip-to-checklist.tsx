"use client";

// The first stop of the project page's tab order for keyboard users: straight
// to the checklist's current item (the list's one tab stop), past the
// header, the summary and the matrix.
export function SkipToChecklist() {
  return (
    <a
      href="#checklist"
      onClick={(event) => {
        const row = document.querySelector<HTMLElement>('#checklist [data-testid="item-row"][tabindex="0"]');
        if (!row) return;
        event.preventDefault();
        row.focus();
      }}
      className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-semibold focus:text-indigo-700 focus:shadow focus:ring-2 focus:ring-indigo-600"
    >
      Skip to checklist
    </a>
  );
}
