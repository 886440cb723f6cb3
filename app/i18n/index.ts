// Our own small i18n: typed dictionaries per area, merged here. Shared by routes, components and emails.
// (Why not remix-i18next: see docs/decisions/0002-i18n.md.)
import { common } from "./messages/common";
import { auth } from "./messages/auth";
import { agency } from "./messages/agency";
import { emails } from "./messages/emails";
import { meetings } from "./messages/meetings";
import { agreement } from "./messages/agreement";
import { security } from "./messages/security";
import { billing } from "./messages/billing";
import { objectives } from "./messages/objectives";
import { activity } from "./messages/activity";
import { settings } from "./messages/settings";
import { notifications } from "./messages/notifications";
import { dashboards } from "./messages/dashboards";
import { qual } from "./messages/qual";
import { api } from "./messages/api";
import { reports } from "./messages/reports";
import { calendar } from "./messages/calendar";
import { webhooks } from "./messages/webhooks";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const areas = { common, auth, agency, emails, agreement, meetings, security, billing, objectives, activity, settings, notifications, dashboards, qual, api, reports, calendar, webhooks };

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
/** Translates a key checked by the compiler: a mistyped key, or a key built from an enum value without a message, fails the type check. */
export type TFunction = (key: MessageKey, vars?: Vars) => string;

/** The values V such that `${P}.${V}` is a message key: the enum a family of keys covers. */
export type KeySuffix<P extends string> = MessageKey extends infer K ? (K extends `${P}.${infer S}` ? S : never) : never;

/** Whether a string read at run time (a stored type, a server error, a toast) is one of our message keys. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(dictionaries.en, key);
}

/**
 * A key built from a value only known at run time (a status read from the database, an audit type): the family's
 * key when the value has a message, else `fallback`, so a raw key never reaches the screen.
 */
export function keyFor<P extends string>(prefix: P, value: string, fallback: MessageKey): MessageKey {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? key : fallback;
}

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

/**
 * A date in the reader's language and time zone. The zone is required: a time formatted in the process's own zone
 * reads differently on the server (UTC) and in the browser, and React throws the page away (hydration mismatch).
 */
export function formatDate(locale: Locale, d: Date | string, opts: Intl.DateTimeFormatOptions & { timeZone: string }) {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", ...opts }).format(typeof d === "string" ? new Date(d) : d);
}

export function formatDateTime(locale: Locale, d: Date | string, timeZone: string) {
  return formatDate(locale, d, { dateStyle: "medium", timeStyle: "short", timeZone });
}
