import { MAX_OBSERVATORY_SCORE, OBSERVATORY_TESTS } from "@/lib/schemas/check-settings";
import { SettingField, type KindFieldsProps } from "./fields";

// headersCheckSettings (lib/schemas/check-settings.ts). Each required test is
// a numbered field (settings.requiredTests.N), so the unticked ones are left out.
export function HeadersFields(props: KindFieldsProps) {
  const chosen = new Set(OBSERVATORY_TESTS.map((_, index) => props.value(`settings.requiredTests.${index}`)).filter(Boolean));
  return (
    <div className="space-y-3">
      <SettingField {...props} name="settings.url" label="Address" placeholder="https://app.example.com/" hint="A full http:// or https:// address; graded by MDN's HTTP Observatory." />
      <div className="grid gap-3 sm:grid-cols-2">
        <SettingField {...props} name="settings.minimumScore" label={`Lowest score (0–${MAX_OBSERVATORY_SCORE})`} type="number" defaultValue="70" hint="70 is a B." />
        <SettingField {...props} name="settings.timeoutMs" label="Timeout, ms" type="number" placeholder="10000" />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Tests that must pass whatever the score (optional)</legend>
        {props.errors("settings.requiredTests") && <p className="text-xs font-medium text-red-600">{props.errors("settings.requiredTests")?.join(" ")}</p>}
        <div className="mt-1.5 grid gap-x-4 gap-y-1 sm:grid-cols-2">
          {OBSERVATORY_TESTS.map((test, index) => (
            <label key={test} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name={`settings.requiredTests.${index}`} value={test} defaultChecked={chosen.has(test)} className="size-4 rounded border-slate-300" />
              <code className="break-all text-xs">{test}</code>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
