import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/utils/auth.server";
import { createInvitation, resendInvitation, revokeInvitation } from "~/models/invitation.server";
import { failure, parseForm } from "~/utils/form";
import { actionError, appOrigin } from "~/utils/http.server";
import { invitationSchema } from "~/domain/schemas";
import { getT } from "~/utils/locale.server";
import { isLocale } from "~/i18n";

export async function loader() {
  return redirect("/team");
}

/** Invite, resend, revoke: used by the team page and the client page (through fetchers). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const formData = await request.formData();
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
