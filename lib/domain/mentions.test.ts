import { describe, expect, it } from "vitest";
import { commentExcerpt, insertMention, matchMembers, mentionName, mentionQueryAt, mentionToken, mentionTokens, MENTIONS_MAX, MENTION_NAME_MAX, resolveMentions } from "@/lib/domain/mentions";

const ada = { id: "u_ada", name: "Ada Lovelace", email: "ada@example.com" };
const bob = { id: "u_bob", name: "Bob", email: "Bob@Example.com" };
const members = [ada, bob];

describe("mention tokens", () => {
  it("writes a member as a token the parser reads back", () => {
    expect(mentionToken(ada)).toBe("@[Ada Lovelace](user:u_ada)");
    expect(mentionTokens(`Hi ${mentionToken(ada)} and ${mentionToken(bob)}`)).toEqual([
      { id: "u_ada", name: "Ada Lovelace" },
      { id: "u_bob", name: "Bob" },
    ]);
  });

  it("strips from a name what would break the token, and caps its length", () => {
    expect(mentionName("Ada](javascript:alert(1))")).toBe("Adajavascript:alert1");
    expect(mentionName("  a\\b\n\tc ")).toBe("ab c");
    expect(mentionToken({ id: "x", name: "[]()" })).toBe("@[?](user:x)");
    const long = "n".repeat(5000);
    expect(Array.from(mentionName(long))).toHaveLength(MENTION_NAME_MAX);
    expect(mentionTokens(mentionToken({ id: "x", name: long }))).toEqual([{ id: "x", name: "n".repeat(MENTION_NAME_MAX) }]);
  });

  it("keeps right-to-left and combined scripts intact", () => {
    const rtl = { id: "u_rtl", name: "עדה לאבלייס", email: "rtl@example.com" };
    expect(mentionTokens(mentionToken(rtl))).toEqual([{ id: "u_rtl", name: "עדה לאבלייס" }]);
    expect(resolveMentions(mentionToken(rtl), [rtl])).toEqual({ body: "@[עדה לאבלייס](user:u_rtl)", mentionedUserIds: ["u_rtl"] });
    // The cap never cuts a character outside the Basic Multilingual Plane in
    // half (a lone surrogate would make encodeURIComponent throw).
    expect(() => encodeURIComponent(mentionName("a" + "𝔸".repeat(100)))).not.toThrow();
  });

  it("reads no token from hostile look-alikes", () => {
    expect(mentionTokens("@[x](user:../../)")).toEqual([]);
    expect(mentionTokens("@[x](user:https://evil.example)")).toEqual([]);
    expect(mentionTokens("@[x](user:)")).toEqual([]);
    expect(mentionTokens("@[<img src=x onerror=alert(1)>](user:u_ada)")).toEqual([]);
    expect(mentionTokens("`@[Ada](user:u_ada)`")).toEqual([]);
    expect(mentionTokens("```\n@[Ada](user:u_ada)\n```")).toEqual([]);
  });
});

describe("resolving mentions", () => {
  it("keeps tokens of members with their current name, and records them once each", () => {
    const result = resolveMentions("@[Ada L.](user:u_ada) ping @[Ada](user:u_ada) and @[Bob](user:u_bob)", members);
    expect(result.body).toBe("@[Ada Lovelace](user:u_ada) ping @[Ada Lovelace](user:u_ada) and @[Bob](user:u_bob)");
    expect(result.mentionedUserIds).toEqual(["u_ada", "u_bob"]);
  });

  it("turns a token for someone outside the team into plain text", () => {
    expect(resolveMentions("cc @[Mallory](user:u_other)", members)).toEqual({ body: "cc @Mallory", mentionedUserIds: [] });
  });

  it("resolves a typed @address of a member, in any case, and nobody else's", () => {
    expect(resolveMentions("@bob@example.com, @ADA@example.com. @eve@example.com", members)).toEqual({
      body: "@[Bob](user:u_bob), @[Ada Lovelace](user:u_ada). @eve@example.com",
      mentionedUserIds: ["u_bob", "u_ada"],
    });
    // A plain address is not a mention, nor is one glued to a word.
    expect(resolveMentions("mail ada@example.com or x@ada@example.com", members)).toEqual({ body: "mail ada@example.com or x@ada@example.com", mentionedUserIds: [] });
  });

  it("changes nothing inside code", () => {
    const body = "`@ada@example.com` and\n```\n@[Ada](user:u_ada)\n```";
    expect(resolveMentions(body, members)).toEqual({ body, mentionedUserIds: [] });
  });

  it("leaves hostile look-alikes and HTML as the text they are", () => {
    const body = "@[x](user:../../) <script>alert(1)</script> @[y](user:u_ada\"onmouseover=1)";
    expect(resolveMentions(body, members)).toEqual({ body, mentionedUserIds: [] });
  });

  it("does not read an address inside a kept token's name", () => {
    const odd = { id: "u_odd", name: "Odd @bob@example.com", email: "odd@example.com" };
    const result = resolveMentions(mentionToken(odd), [...members, odd]);
    expect(result).toEqual({ body: "@[Odd @bob@example.com](user:u_odd)", mentionedUserIds: ["u_odd"] });
  });

  it("mentions at most MENTIONS_MAX people, leaving the rest as text", () => {
    const many = Array.from({ length: MENTIONS_MAX + 5 }, (_, n) => ({ id: `u${n}`, name: `P${n}`, email: `p${n}@example.com` }));
    const result = resolveMentions(many.map(mentionToken).join(" "), many);
    expect(result.mentionedUserIds).toHaveLength(MENTIONS_MAX);
    expect(result.body.endsWith(`@P${MENTIONS_MAX + 4}`)).toBe(true);
    expect(mentionTokens(result.body)).toHaveLength(MENTIONS_MAX);
  });
});

describe("comment excerpts", () => {
  it("shows mentions as @Name on one line, cut at the limit", () => {
    expect(commentExcerpt("Hi @[Ada Lovelace](user:u_ada),\n\nplease   look")).toBe("Hi @Ada Lovelace, please look");
    const cut = commentExcerpt("word ".repeat(100), 20);
    expect(Array.from(cut).length).toBeLessThanOrEqual(20);
    expect(cut.endsWith("…")).toBe(true);
  });
});

describe("typing a mention", () => {
  it("finds the mention being typed before the caret, not an address", () => {
    expect(mentionQueryAt("Hi @ad", 6)).toEqual({ start: 3, query: "ad" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("mail ada@ex", 11)).toBeNull();
    expect(mentionQueryAt("Hi @ada and", 11)).toBeNull();
  });

  it("offers members by name or e-mail, names that start with the query first", () => {
    const carl = { id: "u_c", name: "Carl Ada", email: "carl@example.com" };
    expect(matchMembers([carl, ada, bob], "ada").map((m) => m.id)).toEqual(["u_ada", "u_c"]);
    expect(matchMembers([carl, ada, bob], "BOB@").map((m) => m.id)).toEqual(["u_bob"]);
    expect(matchMembers([carl, ada, bob], "", 2)).toHaveLength(2);
  });

  it("replaces what was typed with the member's token", () => {
    expect(insertMention("Hi @ad!", 3, 6, ada)).toEqual({ text: "Hi @[Ada Lovelace](user:u_ada) !", caret: 31 });
  });
});
