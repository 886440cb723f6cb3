import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getActor, safeRedirect } from "~/utils/auth.server";
import { localeCookie } from "~/utils/locale.server";
import { setUserLocale } from "~/models/user.server";
import { isLocale } from "~/i18n";
import { readForm } from "~/utils/http.server";

export async function loader() {
  return redirect("/");
}

/** The header's language switch: saved on the user when signed in, in a cookie always. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  const to = safeRedirect(form.get("redirectTo"), "/");
  if (!isLocale(locale)) return redirect(to);
  const actor = await getActor(request);
  if (actor) await setUserLocale(actor, locale);
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
