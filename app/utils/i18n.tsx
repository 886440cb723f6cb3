import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, formatDate, formatDateTime, makeT, type Locale } from "~/i18n";
import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";

/**
 * The page's language, the reader's time zone and the functions that use them, from the root loader: the server and
 * the browser format every time the same way.
 */
export function useT() {
  const data = useRouteLoaderData("root") as { locale?: Locale; timeZone?: string } | undefined;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const timeZone = data?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    locale,
    timeZone,
    t: makeT(locale),
    /** A date (and time, with timeStyle) in the reader's zone. */
    date: (d: Date | string, opts: Intl.DateTimeFormatOptions = { dateStyle: "medium" }) => formatDate(locale, d, { ...opts, timeZone }),
    dateTime: (d: Date | string) => formatDateTime(locale, d, timeZone),
  };
}
