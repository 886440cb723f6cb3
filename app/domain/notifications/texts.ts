// A notification's words in every language (issue 16): written once, with the change that causes it, for each
// language the portal speaks, so the inbox and the digest read in the language the recipient uses when they read
// them, also after a change of language (docs/decisions/0053-notification-texts-per-language.md). The row's
// `title` and `body` stay the recipient's language at write time: what older rows and other readers fall back on.
import { LOCALES, type Locale } from "~/i18n";

export type NotificationText = { title: string; body: string | null };
/** The stored form (`Notification.texts`): one text per language. */
export type NotificationTexts = Partial<Record<Locale, NotificationText>>;

/** Every language's text of one event (its wording function called once per language, not once per recipient). */
export function textsInEveryLanguage(text: (locale: Locale) => { title: string; body?: string | null }): Record<Locale, NotificationText> {
  const out = {} as Record<Locale, NotificationText>;
  for (const locale of LOCALES) {
    const t = text(locale);
    out[locale] = { title: t.title, body: t.body ?? null };
  }
  return out;
}

function isText(v: unknown): v is NotificationText {
  return typeof v === "object" && v !== null && typeof (v as NotificationText).title === "string" &&
    ((v as NotificationText).body === null || typeof (v as NotificationText).body === "string");
}

/** The text to show in `locale`: the stored one of that language, else the row's own (older rows have no texts). */
export function textIn(row: { title: string; body: string | null; texts?: unknown }, locale: Locale): NotificationText {
  const texts = row.texts;
  if (texts && typeof texts === "object" && !Array.isArray(texts)) {
    const t = (texts as Record<string, unknown>)[locale];
    if (isText(t)) return { title: t.title, body: t.body };
  }
  return { title: row.title, body: row.body };
}
