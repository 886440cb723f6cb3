import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor, safeRedirect } from "~/utils/auth.server";
import { redirectWithToast } from "~/utils/toast.server";
import { createInvitation, resendInvitation, revokeInvitation } from "~/models/invitation.server";
import { failure, parseForm } from "~/utils/form";
import { actionError, appOrigin } from "~/utils/http.server";
import { invitationSchema } from "~/domain/shared/schemas";
import { getT } from "~/utils/locale.server";
import { isLocale } from "~/i18n";
import { readForm } from "~/utils/http.server";

export async function loader() {
  return redirect("/team");
}

/**
 * Invite, resend, revoke: used by the team page and the client page through fetchers. A plain form post
 * (before the page's JavaScript has loaded) goes back to the page it came from with the outcome as a message.
 */
export async function action(args: ActionFunctionArgs) {
  // A browser's own form post asks for a page (Accept: text/html); fetchers and API clients do not.
  const viaScript = !(args.request.headers.get("Accept") ?? "").includes("text/html");
  const referer = args.request.headers.get("Referer");
  const response = await handle(args);
  if (viaScript) return response;
  const back = safeRedirect(referer ? new URL(referer, "http://x").pathname : null, "/team");
  const body = (await response.clone().json()) as { ok: boolean; message?: string; errors?: Record<string, string[]> };
  const key = body.ok ? (body.message === "agency.team.invited" ? "agency.team.invitedPlain" : body.message) : Object.values(body.errors ?? {})[0]?.[0]?.split("|")[0];
  return redirectWithToast(back, key ?? "common.errors.invalid");
}

async function handle({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "invite") {
      const parsed = parseForm(invitationSchema, formData);
      if (!parsed.ok) return json(parsed, { status: 400 });
      await createInvitation(actor, parsed.data, appOrigin(request));
      return json({ ok: true as const, message: "agency.team.invited", email: parsed.data.email });
    }
    const id = parseForm(z.object({ invitationId: z.string().min(1).max(40) }), formData);
    if (!id.ok) return json(id, { status: 400 });
    if (intent === "resend") {
      const { locale } = await getT(request, actor);
      const chosen = formData.get("locale");
      await resendInvitation(actor, id.data.invitationId, isLocale(chosen) ? chosen : locale, appOrigin(request));
      return json({ ok: true as const, message: "agency.team.resent", email: "" });
    }
    if (intent === "revoke") {
      await revokeInvitation(actor, id.data.invitationId);
      return json({ ok: true as const, message: "agency.team.revoked", email: "" });
    }
    return json(failure(formData, { _form: ["common.errors.invalid"] }), { status: 400 });
  } catch (e) {
    return actionError(e, formData);
  }
}
