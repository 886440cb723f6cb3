// Billing test data, built through the real domain functions (log, hold, accept, save pricing).
import { acceptMeeting } from "~/models/meetings/review.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { logMeeting, type MeetingInput } from "~/models/meetings/logging.server";
import { savePricing } from "~/models/billing/billing.server";
import type { PricingInput } from "~/domain/billing/schemas";
import { createAgencyWithClient, type AgencyWorld } from "./accounts";
import { createActiveCampaignWithAgreement } from "./agreement";

const HOUR = 3600_000;
export type Agreement = Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;

export const DEFAULT_PRICING: PricingInput = {
  currency: "EUR",
  retainerAmount: 150_000,
  meetingPrice: 35_000,
  billingDay: 5,
  billingEmail: "factures@client.test",
  addressLine1: "12 rue de la Paix",
  addressLine2: undefined,
  postalCode: "75002",
  city: "Paris",
  country: "FR",
  vatNumber: "FR40303265045",
  taxRateBps: 2000,
  locale: "fr",
};

/** An agency world with an active campaign and pricing in force since `pricedAt` (first prices apply to that month). */
export async function pricedWorld(opts: { pricing?: Partial<PricingInput>; pricedAt?: Date; clientName?: string } = {}) {
  const w = await createAgencyWithClient({ clientName: opts.clientName });
  const a = await createActiveCampaignWithAgreement(w);
  await savePricing(w.admin, w.client.id, { ...DEFAULT_PRICING, ...opts.pricing }, {}, opts.pricedAt ?? new Date());
  return { w, a };
}

/** A meeting held an hour ago on the world's campaign, review window open. */
export async function heldMeeting(w: AgencyWorld, a: Agreement, over: Partial<MeetingInput> = {}) {
  const r = await logMeeting(
    w.sdr,
    w.campaign.id,
    {
      personaVersionId: a.personaVersion.id,
      prospectName: "Sophie Laurent",
      prospectTitle: "CFO",
      prospectEmail: `sophie.${Math.random().toString(36).slice(2)}@morel.test`,
      prospectCompany: "Transports Morel",
      scheduledAt: new Date(Date.now() - HOUR),
      timeZone: "Europe/Paris",
      durationMinutes: 45,
      channel: "VIDEO",
      checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
      ...over,
    },
    new Date(Date.now() - 72 * HOUR),
  );
  if (!r.ok) throw new Error("meeting not logged");
  await changeMeetingStatus(w.clientMember, r.meetingId, "HELD");
  return r.meetingId;
}

/** A held meeting the client admin accepted (billable). */
export async function billableMeeting(w: AgencyWorld, a: Agreement, now = new Date(), over: Partial<MeetingInput> = {}) {
  const id = await heldMeeting(w, a, over);
  await acceptMeeting(w.clientAdmin, id, undefined, now);
  return id;
}
