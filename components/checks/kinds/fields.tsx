import { SelectField, TextField } from "@/components/ui/field";

// What every kind's settings form is given: the values and errors of the
// last submission, by the field's name ("settings.url").
export type KindFieldsProps = {
  value: (name: string) => string | undefined;
  errors: (name: string) => string[] | undefined;
};

type FieldProps = KindFieldsProps & { name: string; label: string; hint?: string; placeholder?: string; type?: string; defaultValue?: string };

// One settings field: its id, label, last value and errors all follow from its name.
export function SettingField({ value, errors, name, defaultValue, ...props }: FieldProps) {
  return <TextField id={`check-${name.replaceAll(".", "-")}`} name={name} defaultValue={value(name) ?? defaultValue} errors={errors(name)} {...props} />;
}

export function SettingSelect({ value, errors, name, label, hint, options, defaultValue }: KindFieldsProps & { name: string; label: string; hint?: string; options: readonly string[] | { value: string; label: string }[]; defaultValue: string }) {
  return (
    <SelectField
      id={`check-${name.replaceAll(".", "-")}`}
      name={name}
      label={label}
      hint={hint}
      defaultValue={value(name) ?? defaultValue}
      errors={errors(name)}
      options={options.map((option) => (typeof option === "string" ? { value: option, label: option } : option))}
    />
  );
}
