// Our own small i18n: typed dictionaries per area, merged here. Shared by routes, components and emails.
// (Why not remix-i18next: see docs/decisions/0002-i18n.md.)
import { common } from "./messages/common";
import { auth } from "./messages/auth";
import { agency } from "./messages/agency";
import { emails } from "./messages/emails";
import { meetings } from "./messages/meetings";
import { agreement } from "./messages/agreement";
import { objectives, activity } from "./messages/objectives";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const areas = { common, auth, agency, emails, agreement, meetings, objectives, activity };

type Dict = Record<string, string>;
const dictionaries: Record<Locale, Dict> = { en: {}, fr: {} };
for (const [area, pair] of Object.entries(areas)) {
  for (const locale of LOCALES) {
    for (const [k, v] of Object.entries((pair as Record<Locale, Dict>)[locale])) dictionaries[locale][`${area}.${k}`] = v;
  }
}

type Keys<A> = { [K in keyof A & string]: A[K] extends { en: infer E } ? `${K}.${keyof E & string}` : never }[keyof A & string];
export type MessageKey = Keys<typeof areas>;
export type Vars = Record<string, string | number>;
export type TFunction = (key: MessageKey | (string & {}), vars?: Vars) => string;

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** Translates a key; unknown keys come back as they are, so a missing message shows instead of crashing. */
export function translate(locale: Locale, key: string, vars?: Vars): string {
  const msg = dictionaries[locale][key] ?? dictionaries.en[key] ?? key;
  if (!vars) return msg;
  return msg.replace(/\{(\w+)\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{${name}}`));
}

export function makeT(locale: Locale): TFunction {
  return (key, vars) => translate(locale, key, vars);
}

/** The best supported language of an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  // q=0 means "not acceptable".
  return ranked.find((r) => r.q > 0 && isLocale(r.lang))?.lang as Locale | undefined ?? DEFAULT_LOCALE;
}

export function formatDate(locale: Locale, d: Date | string, opts: Intl.DateTimeFormatOptions = { dateStyle: "medium" }) {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", opts).format(typeof d === "string" ? new Date(d) : d);
}

export function formatDateTime(locale: Locale, d: Date | string) {
  return formatDate(locale, d, { dateStyle: "medium", timeStyle: "short" });
}
