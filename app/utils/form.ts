// One schema per form: the same Zod schema checks input in the action; errors are i18n keys per field,
// returned with what was typed so nothing is lost.
import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;
export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };
export type FormResult<T> = { ok: true; data: T } | FormFailure;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v !== "string" || /password|confirm/i.test(k)) continue; // never echo passwords (or their confirmation) back
    values[k] = k in values ? `${values[k]},${v}` : v;
  }
  return values;
}

/** Reads a form (multi-valued fields as arrays when the schema says so) and validates it. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, arrays: string[] = []): FormResult<z.infer<S>> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    input[key] = arrays.includes(key) ? all : all[0];
  }
  for (const key of arrays) input[key] ??= [];
  return parseObject(schema, input, formData);
}

/** Validates an object built from a form (for forms with nested rows); errors keyed by dotted path. */
export function parseObject<S extends z.ZodType>(schema: S, input: unknown, formData: FormData): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (errors[field] ??= []).push(issue.message);
  }
  return { ok: false, errors, values: formValues(formData) };
}

export function failure(formData: FormData, errors: FieldErrors): FormFailure {
  return { ok: false, errors, values: formValues(formData) };
}
