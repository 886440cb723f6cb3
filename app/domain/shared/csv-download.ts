// How a CSV download opens in the user's spreadsheet: a French Excel splits on ";" (and needs the UTF-8 BOM, which the
// export always writes), so French users get semicolons unless they choose commas (?sep=comma); a filename that keeps
// its accents (RFC 6266 / RFC 5987 filename*, with an ASCII fallback for old clients).
import type { Locale } from "~/i18n";

export type CsvDelimiter = ";" | ",";

/** The separator asked for in the URL (?sep=semicolon|comma), else the user's language's default. */
export function csvDelimiter(url: URL, locale: Locale | null): CsvDelimiter {
  const sep = url.searchParams.get("sep");
  if (sep === "semicolon") return ";";
  if (sep === "comma") return ",";
  return locale === "fr" ? ";" : ",";
}

/** What the export screen lets the user choose: the separator, and whether the file starts with the UTF-8 BOM. */
export type CsvFormat = { delimiter: CsvDelimiter; bom: boolean };

/**
 * The separator (as above) and the BOM: written unless the URL says ?bom=0 (some importers choke on it). The export
 * form sends bom=0 from a hidden field and bom=1 from the ticked box, so a "1" anywhere wins.
 */
export function csvFormat(url: URL, locale: Locale | null): CsvFormat {
  const bom = url.searchParams.getAll("bom");
  return { delimiter: csvDelimiter(url, locale), bom: !bom.length || bom.includes("1") };
}

/** `attachment` with the name as typed (accents kept via filename*) and a plain-ASCII fallback. */
export function attachmentDisposition(filename: string) {
  const clean = filename.replace(/[\u0000-\u001f\u007f/\\"]+/g, "-");
  const ascii = clean.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]+/g, "-").replace(/[%;]/g, "-");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
