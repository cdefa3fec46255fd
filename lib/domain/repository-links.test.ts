import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repositoryFileUrl } from "./repository-links";

describe("repositoryFileUrl", () => {
  it("links a path to the file at the default branch, in each host's form", () => {
    expect(repositoryFileUrl("https://github.com/acme/app", "docs/runbook.md")).toBe("https://github.com/acme/app/blob/HEAD/docs/runbook.md");
    expect(repositoryFileUrl("https://gitlab.com/acme/platform/app", "docs/runbook.md")).toBe("https://gitlab.com/acme/platform/app/-/blob/HEAD/docs/runbook.md");
    expect(repositoryFileUrl("https://codeberg.org/acme/app", "docs/runbook.md")).toBe("https://codeberg.org/acme/app/src/branch/HEAD/docs/runbook.md");
    expect(repositoryFileUrl("https://gitea.example.com/acme/app", "a.md")).toBe("https://gitea.example.com/acme/app/src/branch/HEAD/a.md");
    expect(repositoryFileUrl("https://git.forgejo.example.org/acme/app", "a.md")).toBe("https://git.forgejo.example.org/acme/app/src/branch/HEAD/a.md");
    expect(repositoryFileUrl("https://gitlab.internal.example:8443/acme/app", "a.md")).toBe("https://gitlab.internal.example:8443/acme/app/-/blob/HEAD/a.md");
  });

  it("reads the repository out of a clone URL or a page inside it", () => {
    expect(repositoryFileUrl("https://github.com/acme/app.git", "a.md")).toBe("https://github.com/acme/app/blob/HEAD/a.md");
    expect(repositoryFileUrl("https://github.com/acme/app/tree/main/src", "a.md")).toBe("https://github.com/acme/app/blob/HEAD/a.md");
    expect(repositoryFileUrl("https://gitlab.com/acme/sub/app/-/tree/main", "a.md")).toBe("https://gitlab.com/acme/sub/app/-/blob/HEAD/a.md");
    expect(repositoryFileUrl("https://gitlab.com/acme/app.git/", "a.md")).toBe("https://gitlab.com/acme/app/-/blob/HEAD/a.md");
  });

  it("strips ./, keeps line anchors and encodes each segment", () => {
    expect(repositoryFileUrl("https://github.com/o/r", "./scripts/backup.sh#L10")).toBe("https://github.com/o/r/blob/HEAD/scripts/backup.sh#L10");
    expect(repositoryFileUrl("https://github.com/o/r", "src/a.ts#L10-L20")).toBe("https://github.com/o/r/blob/HEAD/src/a.ts#L10-L20");
    expect(repositoryFileUrl("https://gitlab.com/g/r", "src/a.ts#L10-L20")).toBe("https://gitlab.com/g/r/-/blob/HEAD/src/a.ts#L10-20");
    expect(repositoryFileUrl("https://gitlab.com/g/r", "src/a.ts#L7")).toBe("https://gitlab.com/g/r/-/blob/HEAD/src/a.ts#L7");
    expect(repositoryFileUrl("https://github.com/o/r", "src/a.ts#section")).toBe("https://github.com/o/r/blob/HEAD/src/a.ts");
    expect(repositoryFileUrl("https://github.com/o/r", "docs/run book?.md")).toBe("https://github.com/o/r/blob/HEAD/docs/run%20book%3F.md");
    expect(repositoryFileUrl("https://github.com/o/r", "docs/ünïcode%.md")).toBe("https://github.com/o/r/blob/HEAD/docs/%C3%BCn%C3%AFcode%25.md");
  });

  it("gives no link for paths outside the repository", () => {
    for (const path of ["../secrets.env", "docs/../../x", "/etc/passwd", "~/notes.md", "C:\\repo\\a.md", "file:///etc/passwd", "", "./", "#L3"]) {
      expect(repositoryFileUrl("https://github.com/o/r", path), path).toBeNull();
    }
  });

  it("gives no link without a repository on a host it knows, over https", () => {
    expect(repositoryFileUrl(null, "a.md")).toBeNull();
    expect(repositoryFileUrl("https://git.example.com/o/r", "a.md")).toBeNull();
    expect(repositoryFileUrl("http://github.com/o/r", "a.md")).toBeNull();
    expect(repositoryFileUrl("https://github.com/o", "a.md")).toBeNull();
    expect(repositoryFileUrl("not a url", "a.md")).toBeNull();
  });

  it("is always null or an https URL under the repository", () => {
    const repositories = fc.constantFrom("https://github.com/acme/app", "https://gitlab.com/acme/sub/app", "https://codeberg.org/acme/app", "https://gitea.example.com/acme/app");
    const segment = fc.oneof(fc.constantFrom("..", ".", "", "~", "a", "L1", "#L2", "%2e%2e", "?x", "\\"), fc.string({ maxLength: 8 }));
    const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 })).map(([absolute, parts]) => (absolute ? "/" : "") + parts.join("/"));
    fc.assert(
      fc.property(repositories, fc.oneof(path, fc.string()), (repository, typed) => {
        const link = repositoryFileUrl(repository, typed);
        if (link === null) return;
        const url = new URL(link);
        expect(url.protocol).toBe("https:");
        expect(url.host).toBe(new URL(repository).host);
        expect(link.startsWith(`${repository}/`)).toBe(true);
        // Nothing the URL parser resolves can climb out of the repository.
        expect(url.pathname.startsWith(`${new URL(repository).pathname}/`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
