import { useT } from "~/utils/i18n";

/** A date and time in the reader's time zone (the root loader's), the same on the server and in the browser. */
export function LocalTime({ value }: { locale?: string; value: string | Date }) {
  const { dateTime } = useT();
  const iso = typeof value === "string" ? value : value.toISOString();
  return <time dateTime={iso}>{dateTime(iso)}</time>;
}
