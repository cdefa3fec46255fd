// Globs for repository checks, as a regular expression over the whole path:
// `*` and `?` stay within a folder, `**` crosses folders, `{a,b}` is either.
// Written out here because Node 20 has no stable glob matcher for paths we
// hold in memory (a git tree, not a directory on disk).

const SPECIAL = /[.+^$()|[\]\\]/g;

/** Whether a pattern holds any glob syntax (else it names one file). */
export const isGlob = (pattern: string) => /[*?{]/.test(pattern);

/** The regular expression a glob stands for, anchored at both ends. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  let inBraces = false;
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index];
    if (char === "*" && glob[index + 1] === "*") {
      const slashAfter = glob[index + 2] === "/";
      source += slashAfter ? "(?:[^/]*/)*" : ".*";
      index += slashAfter ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{" && !inBraces) {
      inBraces = true;
      source += "(?:";
    } else if (char === "}" && inBraces) {
      inBraces = false;
      source += ")";
    } else if (char === "," && inBraces) source += "|";
    else source += char.replace(SPECIAL, "\\$&");
  }
  if (inBraces) source += ")";
  return new RegExp(`^${source}$`);
}
