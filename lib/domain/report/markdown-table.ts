// A GFM table whose cells stay one cell: `|` escaped, line breaks flattened,
// empty cells shown as "—". Cells are Markdown: callers escape user text in
// them (markdown-text.ts). The table splits cells before reading code spans,
// taking `\\` and `\|` as pairs, so a pipe after an odd run of backslashes (in
// a code span, where they are literal) gets one more, or it would end the
// cell and free the rest of the span as Markdown.
const cell = (text: string) =>
  text
    .replace(/(\\*)\|/g, (_, run: string) => `${run}${run.length % 2 ? "\\" : ""}\\|`)
    .replace(/\r?\n/g, " ")
    .trim() || "—";

export function markdownTable(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)].join("\n");
}
