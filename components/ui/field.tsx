import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 " +
  "placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500";

type FieldFrameProps = { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode };

// Label, control, hint and field-level errors, wired for screen readers.
function FieldFrame({ id, label, hint, errors, children }: FieldFrameProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {children}
      {hint && !errors?.length && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

// The attributes that tie a control to its label, hint and errors.
const controlProps = (id: string, name: string, hint?: string, errors?: string[]) => ({
  id,
  name,
  "aria-invalid": errors?.length ? true : undefined,
  "aria-describedby": errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; hint?: string; errors?: string[] };

export function TextField({ name, label, hint, errors, id = name, className, ...props }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <input
        {...controlProps(id, name, hint, errors)}
        className={cn(control, className)}
        {...props}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  options: { value: string; label: string }[];
};

export type SelectOption = { value: string; label: string };

export function SelectOptions({ options }: { options: SelectOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

export function SelectField({ name, label, hint, errors, options, id = name, className, ...props }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <select
        {...controlProps(id, name, hint, errors)}
        className={cn(control, "bg-white", className)}
        {...props}
      >
        <SelectOptions options={options} />
      </select>
    </FieldFrame>
  );
}

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; hint?: string; errors?: string[] };

export function TextAreaField({ name, label, hint, errors, id = name, className, ...props }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <textarea
        {...controlProps(id, name, hint, errors)}
        className={cn(control, className)}
        {...props}
      />
    </FieldFrame>
  );
}
