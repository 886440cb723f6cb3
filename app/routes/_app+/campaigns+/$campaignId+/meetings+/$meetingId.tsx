// A meeting's page: its loader, the intent table of its forms (./__meeting-intents.server.ts) and its sections
// (app/components/meetings/detail/). Every intent checks its own capability and the actor's scope.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor, type Actor } from "~/utils/auth.server";
import { getMeeting } from "~/models/meetings/queries.server";
import { allowedStatusActions, canDecide, canEdit, canRate, canRecordOutcome, canResolve, isBillable, type MeetingFacts } from "~/domain/meetings/rules";
import { utcToZonedInput } from "~/domain/shared/timezone";
import { can, isAgencyRole } from "~/domain/shared/permissions";
import { parseForm, parseObject } from "~/utils/form";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { MeetingStatusBadge, VerdictBadge } from "~/components/meetings/Badges";
import { MeetingDetails } from "~/components/meetings/detail/MeetingDetails";
import { Checklist } from "~/components/meetings/detail/Checklist";
import { StatusActions } from "~/components/meetings/detail/StatusActions";
import { ReviewSection } from "~/components/meetings/detail/ReviewSection";
import { Comments } from "~/components/meetings/detail/Comments";
import { Sidebar } from "~/components/meetings/detail/Sidebar";
import type { FormState, MeetingPage } from "~/components/meetings/detail/types";
import { useT } from "~/utils/i18n";
import { formatDate } from "~/i18n";
import { isMeetingIntent, MEETING_INTENTS } from "./__meeting-intents.server";
import { activeClientUsers } from "~/models/meetings/client-attendees.server";
import { reviewTargets } from "~/models/qualitative/pages.server";
import { ReviewCallLinks } from "~/components/qualitative/ReviewCallLinks";

async function load(actor: Actor, params: { campaignId?: string; meetingId?: string }) {
  const m = await orResponse(getMeeting(actor, params.meetingId!));
  if (m.campaignId !== params.campaignId) throw new Response("Not Found", { status: 404 });
  return m;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const m = await load(actor, params);
  const facts: MeetingFacts = m;
  const now = new Date();
  const editable = canEdit(actor.role, actor.userId, facts).ok;
  return json({
    m,
    clientUsers: editable ? (await activeClientUsers(m.agencyId, m.clientCompanyId)).map(({ id, name }) => ({ id, name })) : [],
    agency: isAgencyRole(actor.role),
    billable: isBillable(m),
    statusActions: allowedStatusActions(actor.role, actor.userId, facts, now),
    canRate: canRate(actor.role, facts).ok,
    canDecide: canDecide(actor.role, facts, now).ok,
    canResolve: canResolve(actor.role, facts).ok,
    canOutcome: canRecordOutcome(actor.role, facts).ok,
    canComment: can(actor.role, "version:comment"),
    canEdit: editable,
    canFlag: actor.role === "CLIENT_MEMBER" && m.status === "HELD" && m.verdict === "PENDING",
    isPast: m.scheduledAt.getTime() < now.getTime(),
    nowLocal: utcToZonedInput(new Date(now.getTime() + 86400_000), m.timeZone),
    reviewOn: await reviewTargets(actor, m),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const name = formData.get("intent");
  if (!isMeetingIntent(name)) throw json({ error: "Unknown intent." }, { status: 400 });
  const intent = MEETING_INTENTS[name];
  const actor = await requireActor(request, intent.capability);
  const m = await load(actor, params);
  const parsed = intent.input ? parseObject(intent.schema, intent.input(formData), formData) : parseForm(intent.schema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const toast = await intent.run(actor, m, parsed.data);
    return redirectWithToast(`/campaigns/${params.campaignId}/meetings/${m.id}`, toast);
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function MeetingDetailPage() {
  const loaded = useLoaderData<typeof loader>();
  const d = loaded as MeetingPage;
  const reviewOn = loaded.reviewOn;
  const data = useActionData<typeof action>();
  const { t, locale } = useT();
  const navigation = useNavigation();
  const m = d.m;
  const failed = data && !data.ok ? data : null;
  const form: FormState = {
    errorsFor: (intent) => (failed && failed.values.intent === intent ? failed.errors : undefined),
    valuesFor: (intent) => (failed && failed.values.intent === intent ? failed.values : undefined),
    busy: navigation.state === "submitting",
  };
  const when = (iso: string) => formatDate(locale, iso, { dateStyle: "full", timeStyle: "short", timeZone: m.timeZone });
  return (
    <div className="space-y-6">
      <Link to={`/campaigns/${m.campaignId}/meetings`} className="link text-sm">← {t("meetings.title")}</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="h1">{m.prospectName}</h2>
        <MeetingStatusBadge status={m.status} />
        <VerdictBadge verdict={m.verdict} />
        {m.status === "HELD" ? (
          <span className={`badge ${d.billable ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-600"}`}>
            {d.billable
              ? t("meetings.billable")
              : m.verdict === "PENDING"
                ? t("meetings.awaitingReview")
                : m.verdict === "DISPUTED"
                  ? t("meetings.awaitingAnswer")
                  : t("meetings.notBillable")}
          </span>
        ) : null}
        {m.possibleDuplicate ? <span className="badge bg-amber-100 text-amber-800">{t("meetings.duplicate")}</span> : null}
      </div>
      {m.replaces ? (
        <p className="text-sm" data-testid="replaces">
          <Link className="link" to={`/campaigns/${m.campaignId}/meetings/${m.replaces.id}`}>{t("meetings.replaces", { prospect: m.replaces.prospectName })}</Link>
        </p>
      ) : null}
      <ReviewCallLinks campaignId={m.campaignId} meetingId={m.id} objectives={reviewOn} />
      <p className="text-slate-700">
        {when(m.scheduledAt)} ({m.timeZone}) · {t("meetings.duration", { minutes: m.durationMinutes })} · {t(`meetings.channel.${m.channel}`)}
      </p>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <MeetingDetails d={d} form={form} />
          <Checklist m={m} />
          {/* On a phone what the reader has to do (attendance, accept or dispute) comes first, above the details. */}
          <div className="order-first flex flex-col gap-6 lg:order-none" data-testid="meeting-actions">
            <StatusActions d={d} form={form} />
            <ReviewSection d={d} form={form} />
          </div>
          <Comments d={d} form={form} />
        </div>
        <Sidebar d={d} form={form} />
      </div>
    </div>
  );
}
