import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/utils/auth.server";
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
  const actor = await requireActor(request);
  const form = await readForm(request);
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return json(parsed, { status: 400 });
  await setUserTimeZone(actor, parsed.data.timeZone);
  return json({ ok: true as const, timeZone: parsed.data.timeZone });
}
