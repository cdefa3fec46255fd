// The colour theme a person chose: the system's (the default), light or dark.
// Kept in a cookie so that the server renders the page in it (no flash).
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "shipshape-theme";

export const THEME_LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** The theme a cookie's value names; anything else (or nothing) is "system". */
export const parseTheme = (value: string | undefined): Theme => (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
