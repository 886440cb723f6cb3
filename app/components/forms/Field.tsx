import { useId } from "react";
import { useT } from "~/utils/i18n";
import { isMessageKey, type TFunction } from "~/i18n";

/** Turns an error of the form "key|name=value" into the user's language. */
export function errorText(t: TFunction, message: string) {
  const [key, ...params] = message.split("|");
  const vars = Object.fromEntries(params.map((p) => p.split("=") as [string, string]));
  return t(isMessageKey(key) ? key : "common.errors.invalid", vars);
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useT();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {errors.map((e) => (
        <li key={e}>{errorText(t, e)}</li>
      ))}
    </ul>
  );
}

type FieldProps = {
  label: string;
  name: string;
  errors?: string[] | null;
  hint?: string;
  defaultValue?: string | null;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  autoFocus?: boolean;
  maxLength?: number;
  placeholder?: string;
  multiline?: boolean;
  readOnly?: boolean;
};

/** A labelled input with its errors next to it (aria-invalid and aria-describedby set for screen readers). */
export function Field({ label, name, errors, hint, defaultValue, type = "text", multiline, ...rest }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue: defaultValue ?? undefined,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy,
    className: "input",
    ...rest,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1">{multiline ? <textarea rows={4} {...common} /> : <input type={type} {...common} />}</div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

type SelectProps = {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  errors?: string[] | null;
  defaultValue?: string | null;
  required?: boolean;
  emptyLabel?: string;
};

export function SelectField({ label, name, options, errors, defaultValue, required, emptyLabel }: SelectProps) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className="input mt-1"
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** The form-level message ("Please correct the fields marked below"). */
export function FormError({ errors }: { errors?: Record<string, string[]> | null }) {
  const { t } = useT();
  if (!errors || !Object.keys(errors).length) return null;
  const formErrors = errors._form;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      {formErrors?.length ? formErrors.map((e) => <p key={e}>{errorText(t, e)}</p>) : <p>{t("common.errors.form")}</p>}
    </div>
  );
}
