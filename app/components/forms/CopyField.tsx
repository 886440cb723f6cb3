// A value the user copies elsewhere (an API key, a webhook's signing secret, a calendar feed's link): selectable
// read-only text with a copy button, the outcome announced in a live region. SecretOnce frames it as a secret shown
// only in the answer that created it. One implementation for the API keys, webhooks and calendar pages.
import { useState, type ReactNode } from "react";

export type CopyTexts = {
  /** The button's text. */
  copy: string;
  /** The button's accessible name when it must say what it copies (several copy buttons on one page). */
  copyNamed?: string;
  /** Announced once copied. */
  copied: string;
  /** Announced when the browser refuses the clipboard: the text stays selectable. */
  failed: string;
};

export function CopyField({ id, label, value, texts, hideLabel = false, small = false }: { id: string; label: string; value: string; texts: CopyTexts; hideLabel?: boolean; small?: boolean }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = () => {
    const failed = () => setState("failed");
    if (navigator.clipboard?.writeText) void navigator.clipboard.writeText(value).then(() => setState("copied"), failed);
    else failed();
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-700"}>{label}</label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input id={id} readOnly value={value} className={`input min-w-0 flex-1 font-mono ${small ? "text-xs" : ""}`} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn-secondary shrink-0" onClick={copy} aria-label={texts.copyNamed}>
          {texts.copy}
        </button>
      </div>
      <p role="status" aria-live="polite" className={state === "idle" ? "sr-only" : `text-sm ${state === "copied" ? "text-emerald-700" : "text-red-700"}`}>
        {state === "copied" ? texts.copied : state === "failed" ? texts.failed : ""}
      </p>
    </div>
  );
}

/** A secret in the answer that created it and nowhere else: a title, the warning that it is shown once, the value to copy. */
export function SecretOnce({ title, once, label, value, texts, children }: { title: string; once: string; label: string; value: string; texts: CopyTexts; children?: ReactNode }) {
  return (
    <section className="card min-w-0 space-y-3 border-emerald-300 bg-emerald-50" aria-labelledby="secret-once-title" role="status">
      <h2 id="secret-once-title" className="h2 break-words [overflow-wrap:anywhere]">{title}</h2>
      <p className="text-sm text-slate-700">{once}</p>
      <CopyField id="new-secret" label={label} value={value} texts={texts} />
      {children}
    </section>
  );
}
