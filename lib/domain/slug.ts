// URL- and file-name-safe words from a name: "Déjà vu API!" → "deja-vu-api".
export function slugify(text: string, fallback = "item"): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50) || fallback
  );
}
