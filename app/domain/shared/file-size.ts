// A file's size as a reader says it: bytes below 1 kB, then kB / MB with one decimal (1,000-based, as browsers and mail
// clients show downloads), in the reader's language ("8.6 kB", "8,6 ko").
import type { Locale } from "~/i18n";

const UNITS = [
  { unit: "megabyte", size: 1_000_000 },
  { unit: "kilobyte", size: 1_000 },
] as const;

export function formatFileSize(locale: Locale, bytes: number) {
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  for (const { unit, size } of UNITS) {
    if (bytes >= size) return new Intl.NumberFormat(tag, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(bytes / size);
  }
  return new Intl.NumberFormat(tag, { style: "unit", unit: "byte", unitDisplay: "long" }).format(bytes);
}

/** The media type without its parameters ("text/calendar; method=REQUEST" -> "text/calendar"). */
export function mediaType(contentType: string) {
  return contentType.split(";")[0].trim().toLowerCase();
}
