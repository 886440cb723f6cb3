import type { ReactNode } from "react";

type Tone = "primary" | "danger" | "secondary";
const BUTTON: Record<Tone, string> = { primary: "btn-primary", danger: "btn-danger", secondary: "btn-secondary" };

/**
 * An action that asks before it acts, saying its consequence (billing, who is told). Placed inside the action's
 * <Form>: the first button only opens the confirmation (a native <details>, so it works before JavaScript loads and
 * is announced as expanded or collapsed); the form is sent by the confirmation's own button.
 */
export function Confirm({
  label,
  title,
  consequence,
  confirmLabel,
  tone = "primary",
  name,
  value,
  disabled,
  ariaLabel,
}: {
  label: string;
  title: string;
  consequence: ReactNode;
  confirmLabel: string;
  tone?: Tone;
  /** The submit button's name and value, when the form has several actions. */
  name?: string;
  value?: string;
  disabled?: boolean;
  /** A fuller name for the opening button where its label alone is ambiguous (one per row of a table). */
  ariaLabel?: string;
}) {
  return (
    <details className="group w-full sm:w-auto">
      <summary aria-label={ariaLabel} className={`${BUTTON[tone]} inline-flex cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>{label}</summary>
      <div role="group" aria-label={title} className="mt-2 max-w-prose space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        <p className="font-medium">{title}</p>
        <p>{consequence}</p>
        <button type="submit" name={name} value={value} className={BUTTON[tone === "secondary" ? "primary" : tone]} disabled={disabled}>
          {confirmLabel}
        </button>
      </div>
    </details>
  );
}
