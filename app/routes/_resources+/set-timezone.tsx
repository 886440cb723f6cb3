import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getActor } from "~/utils/auth.server";
import { readForm } from "~/utils/http.server";
import { parseForm } from "~/utils/form";
import { isValidTimeZone } from "~/domain/shared/timezone";
import { setUserTimeZone } from "~/models/user.server";

export async function loader() {
  return redirect("/");
}

const schema = z.object({
  timeZone: z.string().trim().max(64, { error: "meetings.errors.timeZone" }).refine(isValidTimeZone, { error: "meetings.errors.timeZone" }),
});

/** The browser's time zone, sent once at the first visit (and from the profile page): saved on the user. */
export async function action({ request }: ActionFunctionArgs) {
  // Sent in the background by the page: a session that ended meanwhile (the user signed out) gets a plain 401, never
  // a redirect, which the fetcher would follow and take the page to the sign-in form of this endpoint.
  const actor = await getActor(request);
  if (!actor) return json({ ok: false as const, error: "Not signed in." }, { status: 401 });
  const form = await readForm(request);
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return json(parsed, { status: 400 });
  await setUserTimeZone(actor, parsed.data.timeZone);
  return json({ ok: true as const, timeZone: parsed.data.timeZone });
}
