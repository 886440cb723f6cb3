// Meetings in any state, through the real domain functions (the SDR logs it, the client or the agency marks
// attendance, the client rates, accepts or disputes, the AM answers), so each one has the history, audit rows and
// emails a real one has.
import type { Actor } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { logMeeting, type MeetingInput } from "~/models/meetings/logging.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { acceptMeeting, disputeMeeting, rateMeeting, resolveDispute } from "~/models/meetings/review.server";
import { autoAcceptDueMeetings } from "~/models/meetings/sweep.server";
import type { DisputeReason } from "~/domain/meetings/rules";
import { unique, type AgencyWorld } from "./accounts";
import type { createActiveCampaignWithAgreement } from "./agreement";

export const MEETING_STATES = [
  "scheduled",
  "past", // past its time, nobody recorded attendance
  "cancelled",
  "no_show",
  "held",
  "rated",
  "accepted",
  "auto_accepted",
  "disputed",
  "dispute_rejected",
  "dispute_upheld",
] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

type Agreement = Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
const H = 3600_000;

/**
 * A meeting of the world's campaign in the given state. `sdr` defaults to the world's SDR; `input` overrides the
 * logged fields. Returns its id.
 */
export async function createMeetingInState(
  world: AgencyWorld,
  agreement: Agreement,
  state: MeetingState,
  opts: { sdr?: Actor; input?: Partial<MeetingInput>; hoursFromNow?: number } = {},
) {
  const sdr = opts.sdr ?? world.sdr;
  const future = state === "scheduled" || state === "cancelled";
  const at = new Date(Date.now() + (opts.hoursFromNow ?? (future ? 72 : -30)) * H);
  const key = unique("m");
  const r = await logMeeting(
    sdr,
    world.campaign.id,
    {
      personaVersionId: agreement.personaVersion.id,
      prospectName: "Camille Fontaine",
      prospectTitle: "Directrice financière",
      prospectEmail: `${key}@prospect.test`,
      prospectCompany: "Groupe Vernet",
      scheduledAt: at,
      timeZone: "Europe/Paris",
      durationMinutes: 45,
      channel: "VIDEO",
      checks: agreement.criteria.map((c) => ({ criterionId: c.id, met: true })),
      confirmWarnings: true,
      ...opts.input,
    },
    new Date(Math.min(Date.now(), at.getTime()) - 72 * H),
  );
  if (!r.ok) throw new Error(`could not log the meeting: ${r.warnings.map((w) => w.key).join(", ")}`);
  const id = r.meetingId;
  if (state === "scheduled" || state === "past") return id;
  if (state === "cancelled") {
    await changeMeetingStatus(sdr, id, "CANCELLED");
    return id;
  }
  if (state === "no_show") {
    await changeMeetingStatus(sdr, id, "NO_SHOW");
    return id;
  }
  await changeMeetingStatus(sdr, id, "HELD");
  if (state === "held") return id;
  if (state === "auto_accepted") {
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id }, select: { reviewDueAt: true } });
    await autoAcceptDueMeetings(new Date(m.reviewDueAt!.getTime() + 60_000));
    return id;
  }
  await rateMeeting(world.clientMember, id, { ratingOverall: state === "accepted" || state === "rated" ? 5 : 2, ratingDecisionPower: 3 });
  if (state === "rated") return id;
  if (state === "accepted") {
    await acceptMeeting(world.clientAdmin, id);
    return id;
  }
  await disputeMeeting(world.clientAdmin, id, [{ criterionId: agreement.criteria[0].id, reason: "Il prescrit mais ne décide pas : c'est le DG qui signe." }]);
  if (state === "disputed") return id;
  await resolveDispute(world.am, id, {
    decision: state === "dispute_rejected" ? "DISPUTE_REJECTED" : "DISPUTE_UPHELD",
    reasoning: "À 12:40 dans l'enregistrement, il indique valider seul les achats jusqu'à 50 k€.",
  });
  return id;
}

/**
 * A held meeting the client admin disputed with a reason beyond the criteria (issue 9's lead-return reasons), and,
 * with `answer`, the AM's decision on it. Returns its id.
 */
export async function createDisputedWithReason(
  world: AgencyWorld,
  agreement: Agreement,
  dispute: { reason: DisputeReason; text: string; evidence?: string | null },
  answer?: { decision: "DISPUTE_UPHELD" | "DISPUTE_REJECTED" | "DISPUTE_UPHELD_REPLACEMENT"; reasoning: string },
) {
  const id = await createMeetingInState(world, agreement, "held");
  await disputeMeeting(world.clientAdmin, id, [], undefined, new Date(), { reason: dispute.reason, text: dispute.text, evidence: dispute.evidence ?? null });
  if (answer) await resolveDispute(world.am, id, answer);
  return id;
}

/** The SDR (the world's by default) logs a replacement for `replacesMeetingId`; returns logMeeting's result. */
export async function logReplacement(
  world: AgencyWorld,
  agreement: Agreement,
  replacesMeetingId: string,
  opts: { sdr?: Actor; input?: Partial<MeetingInput> } = {},
) {
  return logMeeting(opts.sdr ?? world.sdr, world.campaign.id, {
    personaVersionId: agreement.personaVersion.id,
    prospectName: "Real prospect",
    prospectEmail: `${unique("r")}@vernet.test`,
    prospectCompany: "Groupe Vernet",
    scheduledAt: new Date(Date.now() + 72 * H),
    timeZone: "Europe/Paris",
    durationMinutes: 45,
    channel: "VIDEO",
    checks: agreement.criteria.map((c) => ({ criterionId: c.id, met: true })),
    confirmWarnings: true,
    replacesMeetingId,
    ...opts.input,
  });
}
