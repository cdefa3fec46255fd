import { SettingField, type KindFieldsProps } from "./fields";

// reportedCheckSettings (lib/schemas/check-settings.ts).
export function ReportedFields(props: KindFieldsProps) {
  return <SettingField {...props} name="settings.maxAgeDays" label="Reported at least every (days)" type="number" defaultValue="7" />;
}
