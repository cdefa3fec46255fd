// Slugs for names in any script: ASCII only (keys, team slugs and file names
// need no escaping), readable where a transliteration exists, and distinct for
// names that differ only in letters no transliteration spells.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe("slugify", () => {
  it("drops accents and transliterates Cyrillic and Greek", () => {
    expect(slugify("Déjà vu API!")).toBe("deja-vu-api");
    expect(slugify("Резервное копирование")).toBe("rezervnoe-kopirovanie");
    expect(slugify("Журнал аудита")).toBe("zhurnal-audita");
    expect(slugify("Ασφάλεια")).toBe("asfaleia");
    expect(slugify("Straße Łódź")).toBe("strasse-lodz");
  });

  it("ends a name in a script it cannot spell with a stable hash of the name", () => {
    const backups = slugify("数据库备份");
    expect(backups).toMatch(/^item-[a-z0-9]{7}$/);
    expect(slugify("数据库备份")).toBe(backups);
    expect(slugify("  数据库备份 ")).toBe(backups);
    expect(slugify("数据库监控")).not.toBe(backups);
    expect(slugify("DB 备份")).toMatch(/^db-[a-z0-9]{7}$/);
    expect(slugify("DB 备份")).not.toBe(slugify("DB 监控"));
  });

  it("gives the same slug to a name in either Unicode form", () => {
    expect(slugify("Sécurité".normalize("NFD"))).toBe(slugify("Sécurité".normalize("NFC")));
    expect(slugify("Café 咖啡".normalize("NFD"))).toBe(slugify("Café 咖啡".normalize("NFC")));
  });

  it("is always a slug of at most 50 characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
        const slug = slugify(text);
        expect(slug).toMatch(SLUG);
        expect(slug.length).toBeLessThanOrEqual(50);
      }),
      { numRuns: 2000 },
    );
  });
});
