import { CopyField } from "~/components/forms/CopyField";
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
  const links = subscribeLinks(url, name);
  return (
    <div className="space-y-2">
      <CopyField
        id={`feed-${id}`}
        label={t("calendar.urlLabel", { name })}
        hideLabel
        small
        value={url}
        texts={{ copy: t("calendar.copy"), copyNamed: t("calendar.copyNamed", { name }), copied: t("calendar.copied"), failed: t("calendar.copyFailed") }}
      />
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a className="font-medium text-brand-700 hover:underline" href={links.google} target="_blank" rel="noreferrer noopener">{t("calendar.google")}</a>
        <a className="font-medium text-brand-700 hover:underline" href={links.outlook} target="_blank" rel="noreferrer noopener">{t("calendar.outlook")}</a>
        <a className="font-medium text-brand-700 hover:underline" href={links.webcal}>{t("calendar.webcal")}</a>
      </div>
    </div>
  );
}
