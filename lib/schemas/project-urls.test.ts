import { describe, expect, it } from "vitest";
import { apiCreateProjectBody } from "./api";
import { createProjectInput, updateProjectInput } from "./project";

const errors = (schema: { safeParse: (input: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
};

// A project's URLs are shown to everyone who reads the project (its header,
// its report, its share link) and fill the suggested checks: a user name or
// password typed into one would be published with it.
describe("a project's production and repository URLs", () => {
  const message = "Leave the user name and password out of the address: everyone who can read the project sees it.";

  it("refuse a user name or password, in the form and in the API", () => {
    const form = { name: "Checkout", source: "blank", productionUrl: "https://deploy:s3cret@shop.example.com", repositoryUrl: "https://token@git.example.com/shop.git" };
    expect(errors(createProjectInput, form)).toMatchObject({ productionUrl: message, repositoryUrl: message });
    expect(errors(updateProjectInput, { projectId: "p1", ...form })).toMatchObject({ productionUrl: message, repositoryUrl: message });
    expect(errors(apiCreateProjectBody, { name: "Checkout", template: "builtin", productionUrl: "https://a:b@shop.example.com" })).toEqual({ productionUrl: message });
  });

  it("take plain addresses, and blank as none", () => {
    const parsed = createProjectInput.parse({ name: "Checkout", source: "blank", productionUrl: " https://shop.example.com ", repositoryUrl: "" });
    expect(parsed).toMatchObject({ productionUrl: "https://shop.example.com", repositoryUrl: null });
  });
});
