import { useState } from "react";
import { useT } from "~/utils/i18n";

/** Where a feed URL can be subscribed: Google Calendar (by its webcal link), Outlook on the web, the device's own app. */
export function subscribeLinks(url: string, name: string) {
  const webcal = url.replace(/^https?:\/\//, "webcal://");
  return {
    webcal,
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(url)}&name=${encodeURIComponent(name)}`,
  };
}

/** One feed: its link (selectable, with a copy button) and the buttons that subscribe a calendar app to it. */
export function FeedLinks({ id, url, name }: { id: string; url: string; name: string }) {
  const { t } = useT();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const links = subscribeLinks(url, name);
  const copy = () => {
    const done = () => setState("copied");
    const failed = () => setState("failed");
    if (navigator.clipboard?.writeText) void navigator.clipboard.writeText(url).then(done, failed);
    else failed();
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <label htmlFor={`feed-${id}`} className="sr-only">{t("calendar.urlLabel", { name })}</label>
        <input id={`feed-${id}`} readOnly value={url} className="input min-w-0 flex-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn-secondary shrink-0" onClick={copy} aria-label={t("calendar.copyNamed", { name })}>
          {t("calendar.copy")}
        </button>
      </div>
      <p role="status" aria-live="polite" className={state === "idle" ? "sr-only" : `text-sm ${state === "copied" ? "text-emerald-700" : "text-red-700"}`}>
        {state === "copied" ? t("calendar.copied") : state === "failed" ? t("calendar.copyFailed") : ""}
      </p>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a className="font-medium text-brand-700 hover:underline" href={links.google} target="_blank" rel="noreferrer noopener">{t("calendar.google")}</a>
        <a className="font-medium text-brand-700 hover:underline" href={links.outlook} target="_blank" rel="noreferrer noopener">{t("calendar.outlook")}</a>
        <a className="font-medium text-brand-700 hover:underline" href={links.webcal}>{t("calendar.webcal")}</a>
      </div>
    </div>
  );
}
