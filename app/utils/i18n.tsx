import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, makeT, type Locale } from "~/i18n";

/** The page's language and translate function, from the root loader. */
export function useT() {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return { locale, t: makeT(locale) };
}
