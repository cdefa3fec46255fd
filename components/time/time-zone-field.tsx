"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { TextField } from "@/components/ui/field";
import { DEFAULT_TIME_ZONE, isTimeZone, type TimeZoneOption } from "@/lib/domain/time-zone";

const noSubscription = () => () => {};
// A browser set to a legacy name (EST5EDT) offers UTC rather than a name the form would refuse.
const browserZone = () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
};

/**
 * A searchable IANA time zone: type part of a name ("berlin", "new_york") and
 * pick from the list, which shows each zone's offset today. Without a
 * `defaultValue` it offers the browser's own zone, which the form then sends
 * (first-run setup, a new team). The server validates whatever is sent.
 */
export function TimeZoneField({
  name = "timeZone",
  label,
  defaultValue,
  options,
  errors,
  hint,
}: {
  name?: string;
  label: string;
  defaultValue?: string;
  options: TimeZoneOption[];
  errors?: string[];
  hint?: string;
}) {
  const listId = useId();
  // Null while rendering on the server, which cannot know the browser's zone.
  const browser = useSyncExternalStore(noSubscription, browserZone, () => null);
  const [edited, setEdited] = useState<string | null>(null);
  const value = edited ?? defaultValue ?? browser ?? "";
  const offer = browser && browser !== value ? browser : null;
  return (
    <div className="space-y-1.5">
      <TextField
        name={name}
        id={name}
        label={label}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        placeholder="Europe/Berlin"
        value={value}
        onChange={(event) => setEdited(event.target.value)}
        hint={hint ?? "Type to search the IANA time zones, e.g. Europe/Berlin or America/New_York."}
        errors={errors}
      />
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option.value} value={option.value} label={option.label} />
        ))}
      </datalist>
      {offer && (
        <button type="button" className="text-xs font-medium text-indigo-700 hover:underline" onClick={() => setEdited(offer)}>
          Use my browser&apos;s zone, {offer}
        </button>
      )}
    </div>
  );
}
