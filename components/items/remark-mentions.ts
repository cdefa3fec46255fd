import type { Nodes, Parent, PhrasingContent, Root, Text } from "mdast";

// Mention tokens (`@[Name](user:<id>)`, lib/domain/mentions.ts) read as an
// "@" followed by a link to `user:<id>`. This remark plugin turns each one
// whose id is in `names` into a highlighted "@Name" chip, named as the
// person is called now; every other `user:` link (someone who left, a
// hand-typed look-alike) becomes its plain text. Code is never touched.

const MENTION_URL = /^user:([A-Za-z0-9_-]{1,64})$/;

const textOf = (node: Nodes): string => ("value" in node && typeof node.value === "string" ? node.value : "children" in node ? node.children.map(textOf).join("") : "");

function chip(id: string, name: string): PhrasingContent {
  // An element of its own (no link): mdast-util-to-hast renders data.hName.
  return {
    type: "emphasis",
    children: [{ type: "text", value: `@${name}` }],
    data: { hName: "span", hProperties: { className: ["mention", "rounded", "bg-indigo-50", "px-1", "font-medium", "text-indigo-700"], dataMention: id } },
  };
}

function rewrite(parent: Parent, names: ReadonlyMap<string, string>): void {
  const out: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type === "link" && /^user:/i.test(child.url)) {
      const id = MENTION_URL.exec(child.url)?.[1];
      const before = out.at(-1);
      const name = id !== undefined ? names.get(id) : undefined;
      if (name !== undefined && before?.type === "text" && before.value.endsWith("@")) {
        (before as Text).value = before.value.slice(0, -1);
        out.push(chip(id!, name));
      } else {
        out.push({ type: "text", value: textOf(child) });
      }
      continue;
    }
    if ("children" in child) rewrite(child, names);
    out.push(child);
  }
  parent.children = out as Parent["children"];
}

/** The plugin for react-markdown's remarkPlugins: `names` maps the ids of current team members to their names. */
export const remarkMentions = (names: ReadonlyMap<string, string>) => () => (tree: Root) => rewrite(tree, names);
