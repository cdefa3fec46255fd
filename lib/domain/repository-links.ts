// Where a repository path (FILE_PATH evidence) can be read: the file on the
// project's repository host, at the default branch. Every host below
// resolves HEAD to the repository's default branch, so no branch name has to
// be known or stored:
//   GitHub                    https://github.com/o/r/blob/HEAD/<path>
//   GitLab (any host)         https://<host>/g/sub/r/-/blob/HEAD/<path>
//   Gitea, Forgejo, Codeberg  https://<host>/o/r/src/branch/HEAD/<path>
// (Gitea's branch route takes HEAD as the default branch, Forgejo and
// Codeberg inherit it.) A self-hosted GitLab or Gitea is recognised by its
// host name containing "gitlab", "gitea", "forgejo" or "codeberg"; any other
// host gets no link, and the path is shown as text.

type Host = "github" | "gitlab" | "gitea";

function hostKind(hostname: string): Host | null {
  if (hostname === "github.com" || hostname === "www.github.com") return "github";
  if (hostname.includes("gitlab")) return "gitlab";
  if (/gitea|forgejo|codeberg/.test(hostname)) return "gitea";
  return null;
}

// The repository's own path on its host: owner and name on GitHub and Gitea,
// groups and name on GitLab, without ".git" or a page inside the repository
// (".../tree/main", ".../-/issues").
function repositoryPath(host: Host, pathname: string): string[] | null {
  let segments = pathname.split("/").filter(Boolean);
  if (host === "gitlab") {
    const page = segments.indexOf("-");
    if (page !== -1) segments = segments.slice(0, page);
  } else {
    segments = segments.slice(0, 2);
  }
  if (segments.length < 2) return null;
  const last = segments.length - 1;
  segments[last] = segments[last].replace(/\.git$/i, "");
  if (segments.some((segment) => segment === "" || segment === "." || segment === "..")) return null;
  return segments;
}

// A line anchor as typed ("L10", "L10-L20", "L10-20"), in the host's form;
// anything else is dropped rather than guessed at.
function lineAnchor(host: Host, anchor: string): string {
  const match = /^L(\d{1,7})(?:-L?(\d{1,7}))?$/i.exec(anchor);
  if (!match) return "";
  const [, from, to] = match;
  if (!to) return `#L${from}`;
  return host === "gitlab" ? `#L${from}-${to}` : `#L${from}-L${to}`;
}

// The file's segments inside the repository, or null for a path that is not
// inside it: absolute ("/etc/passwd", "C:\x", "~/x"), climbing out ("../x"),
// or naming nothing.
function fileSegments(path: string): string[] | null {
  if (path.startsWith("/") || path.startsWith("~") || path.includes("\\") || /^[a-z][a-z0-9+.-]*:/i.test(path)) return null;
  const segments = path.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.length === 0 || segments.includes("..")) return null;
  return segments;
}

/**
 * The https address of the file `path` (as typed for FILE_PATH evidence:
 * "docs/runbook.md", "./scripts/backup.sh#L10") in the repository at
 * `repositoryUrl`, or null when there is none to give: no repository, one on
 * a host not recognised, one not served over https, or a path outside the
 * repository. Each path segment is percent-encoded; a line anchor is kept.
 */
export function repositoryFileUrl(repositoryUrl: string | null | undefined, path: string): string | null {
  if (!repositoryUrl) return null;
  const repository = URL.parse(repositoryUrl);
  if (!repository || repository.protocol !== "https:" || repository.username || repository.password) return null;
  const host = hostKind(repository.hostname);
  if (!host) return null;
  const repo = repositoryPath(host, repository.pathname);
  if (!repo) return null;

  const hash = path.indexOf("#");
  const file = fileSegments((hash === -1 ? path : path.slice(0, hash)).trim());
  if (!file) return null;
  const anchor = hash === -1 ? "" : lineAnchor(host, path.slice(hash + 1).trim());

  const route = host === "github" ? ["blob", "HEAD"] : host === "gitlab" ? ["-", "blob", "HEAD"] : ["src", "branch", "HEAD"];
  // The repository's segments come from a parsed URL, so are encoded already.
  return `https://${repository.host}/${[...repo, ...route, ...file.map(encodeURIComponent)].join("/")}${anchor}`;
}
