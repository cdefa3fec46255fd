import { SettingField, SettingSelect, type KindFieldsProps } from "./fields";

// httpCheckSettings (lib/schemas/check-settings.ts).
export function HttpFields(props: KindFieldsProps) {
  return (
    <div className="space-y-3">
      <SettingField {...props} name="settings.url" label="Address" placeholder="https://app.example.com/health" hint="A full http:// or https:// address." />
      <div className="grid gap-3 sm:grid-cols-3">
        <SettingSelect {...props} name="settings.method" label="Method" options={["GET", "HEAD"]} defaultValue="GET" />
        <SettingField {...props} name="settings.expectedStatus.min" label="Lowest status" type="number" defaultValue="200" />
        <SettingField {...props} name="settings.expectedStatus.max" label="Highest status" type="number" defaultValue="399" />
      </div>
      <SettingField {...props} name="settings.bodyContains" label="Body contains (optional)" placeholder="ok" />
      <div className="grid gap-3 sm:grid-cols-2">
        <SettingField {...props} name="settings.bodyJson.path" label="JSON path (optional)" placeholder="checks.database.status" />
        <SettingField {...props} name="settings.bodyJson.equals" label="Equals" placeholder="up" hint="Text, a number, true, false or null." />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <SettingField {...props} name="settings.maxLatencyMs" label="Slowest answer, ms (optional)" type="number" />
        <SettingField {...props} name="settings.timeoutMs" label="Timeout, ms" type="number" placeholder="10000" />
      </div>
    </div>
  );
}
