import { useEffect, useState } from "react";
import { formatDate, type Locale } from "~/i18n";

/**
 * A date and time in the reader's own time zone. The server does not know it, so the first render (server and
 * hydration alike) shows UTC, and the browser switches to its local zone once hydrated: no hydration mismatch.
 */
export function LocalTime({ locale, value }: { locale: Locale; value: string | Date }) {
  const [local, setLocal] = useState(false);
  useEffect(() => setLocal(true), []);
  const iso = typeof value === "string" ? value : value.toISOString();
  const text = local
    ? formatDate(locale, iso, { dateStyle: "medium", timeStyle: "short" })
    : `${formatDate(locale, iso, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
