// Text arrives NFC-normalised through every schema: a name typed with a
// combining accent is the same name as one typed with the composed letter.
import { describe, expect, it } from "vitest";
import { addCategoryInput } from "./category";
import { importChecklistInput } from "./import";
import { createItemInput } from "./item";
import { multilineString, plainString } from "./fields";

const nfd = (text: string) => text.normalize("NFD");

describe("NFC on the way in", () => {
  it("normalises single- and multi-line strings", () => {
    expect(plainString().parse(nfd("Sécurité"))).toBe("Sécurité".normalize("NFC"));
    expect(multilineString().parse(nfd("Café\r\nthé"))).toBe("Café\nthé".normalize("NFC"));
  });

  it("normalises names, titles and imported documents", () => {
    expect(addCategoryInput.parse({ projectId: "p1", name: nfd(" Sécurité ") }).name).toBe("Sécurité".normalize("NFC"));
    expect(createItemInput.parse({ categoryId: "c1", title: nfd("Clés chiffrées") }).title).toBe("Clés chiffrées".normalize("NFC"));
    expect(importChecklistInput.parse({ text: nfd("## Réseau\n- [ ] Pare-feu") }).text).toBe("## Réseau\n- [ ] Pare-feu".normalize("NFC"));
  });
});
