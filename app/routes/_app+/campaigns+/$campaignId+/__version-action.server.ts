// The actions every version page shares (propose, approve, request changes, comment), for both kinds.
import { json } from "@remix-run/node";
import type { Actor } from "~/utils/auth.server";
import { parseForm } from "~/utils/form";
import { actionError, appOrigin } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { commentSchema, decisionSchema, requestChangesSchema } from "~/domain/agreement/schemas";
import { addVersionComment, approveVersion, proposeVersion, requestVersionChanges } from "~/models/agreement/decisions.server";
import type { VersionKind } from "~/domain/agreement/lifecycle";
import { readForm } from "~/utils/http.server";

export async function versionAction(request: Request, actor: Actor, campaignId: string, kind: VersionKind, pageUrl: (versionId: string) => string) {
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const origin = appOrigin(request);
  try {
    if (intent === "comment") {
      const parsed = parseForm(commentSchema, formData);
      if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
      await addVersionComment(actor, campaignId, kind, parsed.data.versionId, parsed.data.body);
      return redirectWithToast(pageUrl(parsed.data.versionId), "agreement.commented");
    }
    if (intent === "propose" || intent === "approve") {
      const parsed = parseForm(decisionSchema, formData);
      if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
      const { versionId, revision, comment } = parsed.data;
      if (intent === "propose") await proposeVersion(actor, campaignId, kind, versionId, revision, origin);
      else await approveVersion(actor, campaignId, kind, versionId, revision, comment, origin);
      return redirectWithToast(pageUrl(versionId), intent === "propose" ? "agreement.proposed" : "agreement.approved");
    }
    if (intent === "requestChanges") {
      const parsed = parseForm(requestChangesSchema, formData);
      if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
      const { versionId, revision, comment } = parsed.data;
      await requestVersionChanges(actor, campaignId, kind, versionId, revision, comment, origin);
      return redirectWithToast(pageUrl(versionId), "agreement.changesRequested");
    }
    return json({ ok: false as const, errors: { _form: ["common.errors.invalid"] }, values: {} as Record<string, string>, intent }, { status: 400 });
  } catch (e) {
    const res = actionError(e, formData);
    const body = await res.json();
    return json({ ...body, intent }, { status: res.status });
  }
}
