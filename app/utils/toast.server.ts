import { createCookie, redirect } from "@remix-run/node";

// A one-time message shown after a redirect ("Invitation sent."), as an i18n key.
export const toastCookie = createCookie("rdv_toast", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 });

export async function redirectWithToast(url: string, messageKey: string, init?: ResponseInit) {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await toastCookie.serialize(messageKey));
  return redirect(url, { ...init, headers });
}

/** Reads the pending toast and the header that clears it. */
export async function popToast(request: Request) {
  const value = await toastCookie.parse(request.headers.get("Cookie"));
  if (typeof value !== "string" || !value) return { toast: null, headers: undefined };
  return { toast: value, headers: { "Set-Cookie": await toastCookie.serialize("", { maxAge: 0 }) } };
}
