import { describe, expect, it } from "vitest";
import { storeRepositoryTokenInput } from "./repository-token";

const host = (value: string) => {
  const result = storeRepositoryTokenInput.safeParse({ host: value, token: "t" });
  return result.success ? result.data.host : result.error.issues[0].message;
};

describe("a repository token's host", () => {
  it("is the host a repository URL names: lower case, default port dropped", () => {
    expect(host("GitHub.com")).toBe("github.com");
    expect(host("https://github.com/acme/app.git")).toBe("github.com");
    expect(host("git.example.com:8443")).toBe("git.example.com:8443");
    expect(host("https://git.example.com:443/a.git")).toBe("git.example.com");
  });

  it("refuses other schemes, credentials and garbage with a field message", () => {
    const message = "Enter only the git host, such as github.com or git.example.com:8443.";
    expect(host("http://github.com")).toBe(message);
    expect(host("ssh://git@github.com/a.git")).toBe(message);
    expect(host("https://user:pw@github.com/")).toBe(message);
    expect(host("not a host")).toBe(message);
    expect(host("")).toBe("Enter the git host, such as github.com.");
  });

  it("leaves the user name out when blank and refuses a colon in it", () => {
    expect(storeRepositoryTokenInput.parse({ host: "github.com", username: " ", token: "t" }).username).toBeUndefined();
    expect(storeRepositoryTokenInput.safeParse({ host: "github.com", username: "a:b", token: "t" }).error?.issues[0].path).toEqual(["username"]);
  });
});
