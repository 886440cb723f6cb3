// Issue 9: dispute and return rates per campaign and per SDR on the Overview, read from the rollup, equal to direct
// SQL counts over the meeting rows; a client gets the campaign's rates but no per-SDR figure.
import { prisma } from "~/utils/db.server";
import { disputeMeeting, resolveDispute } from "~/models/meetings/review.server";
import { setCampaignSdrs } from "~/models/campaign.server";
import { campaignOverview } from "~/models/dashboards/overview.server";
import { disputeRates } from "~/domain/dashboards/rates";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState, createMember } from "../factories";

const TZ = "Europe/Paris";

/** The period's held, disputed and upheld meetings of the campaign (optionally one SDR), counted in SQL on the rows. */
async function sqlCounts(campaignId: string, from: string, to: string, sdrId: string | null) {
  const [row] = await prisma.$queryRawUnsafe<{ held: number; disputed: number; upheld: number }[]>(
    `SELECT count(*) FILTER (WHERE m."status" = 'HELD')::int AS held,
            count(*) FILTER (WHERE m."verdict" IN ('DISPUTED', 'DISPUTE_UPHELD', 'DISPUTE_REJECTED'))::int AS disputed,
            count(*) FILTER (WHERE m."verdict" = 'DISPUTE_UPHELD')::int AS upheld
       FROM "Meeting" m
      WHERE m."campaignId" = $1 AND ($4::text IS NULL OR m."sdrId" = $4)
        AND ((m."scheduledAt" AT TIME ZONE 'UTC') AT TIME ZONE '${TZ}')::date BETWEEN $2::date AND $3::date`,
    campaignId,
    from,
    to,
    sdrId,
  );
  return row;
}

it("shows the campaign's and each SDR's dispute and return rates, equal to SQL counts of the meetings", async () => {
  const w = await createAgencyWithClient();
  const a = await createActiveCampaignWithAgreement(w);
  const sdr2 = await createMember(w.agency.id, "SDR");
  await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId, sdr2.userId]);
  const at = (sdr: typeof sdr2, state: Parameters<typeof createMeetingInState>[2], reason?: "DUPLICATE" | "EXISTING_CUSTOMER") =>
    createMeetingInState(w, a, state, { sdr, hoursFromNow: state === "scheduled" ? 72 : -30 }).then(async (id) => {
      if (reason) {
        await disputeMeeting(w.clientAdmin, id, [], undefined, new Date(), { reason, text: "Already delivered in October", evidence: null });
        await resolveDispute(w.am, id, { decision: "DISPUTE_UPHELD_REPLACEMENT", reasoning: "Right, we owe one." });
      }
      return id;
    });
  // SDR 1: 4 held, 1 disputed then rejected, 1 upheld, 1 upheld with a replacement (a reason beyond the criteria).
  for (const s of ["held", "accepted", "dispute_rejected", "dispute_upheld"] as const) await at(w.sdr, s);
  await at(w.sdr, "held", "DUPLICATE");
  await at(w.sdr, "no_show");
  // SDR 2: 2 held, 1 dispute still open; a future meeting.
  await at(sdr2, "disputed");
  await at(sdr2, "accepted");
  await at(sdr2, "scheduled");

  const today = todayIn(TZ);
  const admin = { ...w.admin, timeZone: TZ };
  // The meetings were 30 hours ago (the future one is outside the period).
  const o = await campaignOverview(admin, w.campaign.id, { kind: "custom", from: addDays(today, -3), to: today });
  if (!o.ok) throw new Error(o.error);
  const start = o.period.current.start;
  const all = await sqlCounts(w.campaign.id, start, today, null);
  expect(all.held).toBeGreaterThan(0);
  expect(o.rates).toEqual(disputeRates(all));
  expect(all).toEqual({ held: 7, disputed: 4, upheld: 2 });
  expect(o.rates.disputeRate).toBeCloseTo((4 / 7) * 100, 6);
  expect(o.rates.returnRate).toBeCloseTo((2 / 7) * 100, 6);
  for (const sdr of [w.sdr, sdr2]) {
    const row = o.perSdr!.find((r) => r.id === sdr.userId)!;
    expect(row.rates).toEqual(disputeRates(await sqlCounts(w.campaign.id, start, today, sdr.userId)));
  }
  expect(o.perSdr!.find((r) => r.id === sdr2.userId)!.rates).toMatchObject({ held: 2, disputed: 1, upheld: 0, disputeRate: 50, returnRate: 0 });

  // The client sees the campaign's rates, never an SDR's.
  const client = await campaignOverview({ ...w.clientAdmin, timeZone: TZ }, w.campaign.id, { kind: "custom", from: start, to: today });
  if (!client.ok) throw new Error(client.error);
  expect(client.rates).toEqual(o.rates);
  expect(client.perSdr).toBeNull();
});
