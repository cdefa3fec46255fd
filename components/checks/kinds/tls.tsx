import { TLS_PROTOCOLS } from "@/lib/schemas/check-settings";
import { SettingField, SettingSelect, type KindFieldsProps } from "./fields";

// tlsCheckSettings (lib/schemas/check-settings.ts).
export function TlsFields(props: KindFieldsProps) {
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[3fr_1fr]">
        <SettingField {...props} name="settings.host" label="Host" placeholder="app.example.com" hint="The host name only: no https://, port or path." />
        <SettingField {...props} name="settings.port" label="Port" type="number" defaultValue="443" />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <SettingField {...props} name="settings.minDaysLeft" label="Days left at least" type="number" defaultValue="21" />
        <SettingSelect {...props} name="settings.minProtocol" label="Lowest protocol" options={TLS_PROTOCOLS} defaultValue="TLSv1.2" />
        <SettingField {...props} name="settings.timeoutMs" label="Timeout, ms" type="number" placeholder="10000" />
      </div>
    </div>
  );
}
