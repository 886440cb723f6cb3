import { createCookie } from "@remix-run/node";
import { isLocale, localeFromAcceptLanguage, makeT, type Locale } from "~/i18n";
import type { Actor } from "./auth.server";

export const localeCookie = createCookie("rdv_lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 86400 });

/** The user's saved choice, else the language cookie, else Accept-Language. */
export async function getLocale(request: Request, actor?: Actor | null): Promise<Locale> {
  if (actor?.locale) return actor.locale;
  const fromCookie = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language"));
}

export async function getT(request: Request, actor?: Actor | null) {
  const locale = await getLocale(request, actor);
  return { locale, t: makeT(locale) };
}
