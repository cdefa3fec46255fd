// The one rule for item keys, shared by item creation, imports (YAML and
// Markdown), templates and the REST API's item path: every key an item can
// get is one the API can address (`/projects/{id}/items/{key}`). Lower-case
// letters and digits in runs joined by single dots or dashes, so no empty
// segment (`a..b`), no leading or trailing separator, at most 120 characters.
export const ITEM_KEY_MAX_LENGTH = 120;
export const ITEM_KEY_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
export const ITEM_KEY_RULE = "Use lower-case letters, digits, dots and dashes, e.g. security.rate-limiting.";

/** Whether `key` (as stored, already lower-case and trimmed) is a valid item key. */
export const isItemKey = (key: string): boolean => key.length <= ITEM_KEY_MAX_LENGTH && ITEM_KEY_PATTERN.test(key);

/** A key as a person wrote it, trimmed and lower-cased as the API reads it; null when it breaks the rule. */
export function readItemKey(text: string): string | null {
  const key = text.trim().toLowerCase();
  return isItemKey(key) ? key : null;
}
