import { DNS_RECORD_TYPES } from "@/lib/schemas/check-settings";
import { SettingField, SettingSelect, type KindFieldsProps } from "./fields";

// dnsCheckSettings (lib/schemas/check-settings.ts).
export function DnsFields(props: KindFieldsProps) {
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[3fr_1fr]">
        <SettingField {...props} name="settings.name" label="Name" placeholder="example.com" />
        <SettingSelect {...props} name="settings.type" label="Record type" options={DNS_RECORD_TYPES} defaultValue="A" />
      </div>
      <SettingField {...props} name="settings.expectedValue" label="Expected value (optional)" placeholder="203.0.113.10" hint="Passes when one record equals it; leave it out to pass on any record." />
    </div>
  );
}
