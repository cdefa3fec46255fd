import { Fragment } from "react";

// Descriptions in the OpenAPI document mark code with backticks.
export function Prose({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <>
      {text.split(/`([^`]+)`/).map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} className="rounded bg-slate-100 px-1 text-[0.85em] text-slate-800">
            {part}
          </code>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
