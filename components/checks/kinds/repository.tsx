import { SettingField, type KindFieldsProps } from "./fields";

// Rows offered for required files; the schema takes up to 50 (the API).
const FILE_ROWS = 3;

// repositoryCheckSettings (lib/schemas/check-settings.ts).
export function RepositoryFields(props: KindFieldsProps) {
  return (
    <div className="space-y-3">
      <SettingField {...props} name="settings.url" label="Repository address" placeholder="https://github.com/acme/app.git" hint="An https:// address (or, below, a path on the server the operator allows)." />
      <div className="grid gap-3 sm:grid-cols-2">
        <SettingField {...props} name="settings.path" label="Local path (optional)" placeholder="/srv/git/app.git" />
        <SettingField {...props} name="settings.branch" label="Branch (optional)" placeholder="main" />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">Files that must exist</legend>
        {props.errors("settings.files") && <p className="text-xs font-medium text-red-600">{props.errors("settings.files")?.join(" ")}</p>}
        {Array.from({ length: FILE_ROWS }, (_, row) => (
          <div key={row} className="grid gap-3 sm:grid-cols-2">
            <SettingField {...props} name={`settings.files.${row}.path`} label={`File ${row + 1}`} placeholder={row === 0 ? "SECURITY.md" : ".github/workflows/*.yml"} />
            <SettingField {...props} name={`settings.files.${row}.pattern`} label="Containing (regular expression, optional)" />
          </div>
        ))}
      </fieldset>
    </div>
  );
}
