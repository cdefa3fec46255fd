"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { useState } from "react";
import { DropdownMenuLabel } from "@/components/ui/dropdown-menu";
import { THEME_COOKIE, THEME_LABELS, THEMES, parseTheme, type Theme } from "@/lib/domain/theme";

// The menu's content mounts only when it opens, in the browser: the theme the
// server rendered is read from <html>, where the root layout put it.
const renderedTheme = (): Theme => parseTheme(THEMES.find((theme) => document.documentElement.classList.contains(theme)));

function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove(...THEMES);
  root.classList.add(theme);
  // A year; read by the server on every page, so JavaScript needs it too.
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

/** System, Light or Dark, for the account menu; the choice holds across pages and visits. */
export function ThemeMenuItems() {
  const [theme, setTheme] = useState<Theme>(renderedTheme);
  return (
    <>
      <DropdownMenuLabel>Theme</DropdownMenuLabel>
      <Menu.RadioGroup
        value={theme}
        onValueChange={(value) => {
          const chosen = parseTheme(value);
          applyTheme(chosen);
          setTheme(chosen);
        }}
      >
        {THEMES.map((option) => (
          <Menu.RadioItem
            key={option}
            value={option}
            // Choosing a theme keeps the menu open: the page changes behind it.
            onSelect={(event) => event.preventDefault()}
            className="flex cursor-pointer select-none items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900"
          >
            <span aria-hidden className="inline-block w-3 text-indigo-600">
              {theme === option ? "✓" : ""}
            </span>
            {THEME_LABELS[option]}
          </Menu.RadioItem>
        ))}
      </Menu.RadioGroup>
    </>
  );
}
