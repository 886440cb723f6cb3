// Demo billing: pricing for every client company (set three months ago, with a price change from next month for
// one), and billable meetings in the two previous months, written through the real domain functions so the ledger
// has past periods. Without Stripe keys nothing is invoiced: the pages show the ledger and say so.
import { prisma } from "~/utils/db.server";
import { actorForUser, type Actor } from "~/utils/auth.server";
import { acceptMeeting } from "~/models/meetings/review.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { logMeeting } from "~/models/meetings/logging.server";
import { savePricing } from "~/models/billing/billing.server";
import type { PricingInput } from "~/domain/billing/schemas";
import { addPeriods, periodOf } from "~/domain/billing/billing";

const H = 3600_000;

const PRICING: Record<string, Partial<PricingInput>> = {
  "Acme Logistique": { retainerAmount: 150_000, meetingPrice: 35_000, billingDay: 5, billingEmail: "comptabilite@acme-logistique.test", addressLine1: "14 quai de la Gare", postalCode: "69002", city: "Lyon", vatNumber: "FR40303265045", locale: "fr" },
  "Nordwind Software": { retainerAmount: 200_000, meetingPrice: 45_000, billingDay: 1, billingEmail: "billing@nordwind.test", addressLine1: "Torstraße 110", postalCode: "10119", city: "Berlin", country: "DE", vatNumber: "DE136695976", taxRateBps: 0, locale: "en" },
  "Helios Énergie": { retainerAmount: 0, meetingPrice: 40_000, billingDay: 10, billingEmail: "factures@helios-energie.test", addressLine1: "3 rue Lavoisier", postalCode: "33000", city: "Bordeaux", vatNumber: "FR83404833048", locale: "fr" },
};

const BASE: PricingInput = {
  currency: "EUR", retainerAmount: 0, meetingPrice: 0, billingDay: 1, billingEmail: undefined, addressLine1: undefined, addressLine2: undefined,
  postalCode: undefined, city: undefined, country: "FR", vatNumber: undefined, taxRateBps: 2000, locale: "fr",
};

/** Pricing for every client company of the agency, in force since three months ago. Call before seeding meetings. */
export async function seedDemoPricing(admin: Actor) {
  const clients = await prisma.clientCompany.findMany({ where: { agencyId: admin.agencyId }, select: { id: true, name: true } });
  const since = new Date(`${addPeriods(periodOf(new Date()), -3)}-02T09:00:00Z`);
  for (const c of clients) await savePricing(admin, c.id, { ...BASE, ...PRICING[c.name] }, {}, since);
  // A price change agreed for next month, so the pricing page shows one waiting.
  const acme = clients.find((c) => c.name === "Acme Logistique");
  if (acme) await savePricing(admin, acme.id, { ...BASE, ...PRICING[acme.name], meetingPrice: 38_000 }, {});
}

/** Billable meetings in each of the two previous months on a live campaign (held on the 10th, accepted on the 12th). */
export async function seedPastBillableMeetings(campaignId: string) {
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    include: { assignments: { select: { userId: true }, take: 1 }, clientCompany: { include: { memberships: { select: { userId: true, role: true } } } } },
  });
  const persona = await prisma.personaVersion.findFirst({ where: { status: "APPROVED", persona: { campaignId } }, orderBy: { number: "desc" } });
  const definition = await prisma.definitionVersion.findFirst({ where: { status: "APPROVED", definition: { campaignId } }, include: { criteria: true } });
  const sdrId = campaign.assignments[0]?.userId;
  const adminId = campaign.clientCompany.memberships.find((m) => m.role === "CLIENT_ADMIN")?.userId;
  const memberId = campaign.clientCompany.memberships.find((m) => m.role === "CLIENT_MEMBER")?.userId;
  if (!persona || !definition || !sdrId || !adminId || !memberId) return 0;
  const [sdr, clientAdmin, clientMember] = (await Promise.all([sdrId, adminId, memberId].map((id) => actorForUser(id)))) as Actor[];
  const companies = ["Groupe Vernet", "Lumen Pharma", "Métallerie Duval", "Brenner Maschinenbau", "Alpentech"];
  let n = 0;
  for (const back of [2, 1]) {
    const period = addPeriods(periodOf(new Date()), -back);
    for (let i = 0; i < 3 + back; i++) {
      const at = new Date(`${period}-${String(8 + i).padStart(2, "0")}T09:30:00Z`);
      const company = companies[(i + back) % companies.length];
      const r = await logMeeting(
        sdr,
        campaignId,
        {
          personaVersionId: persona.id,
          externalId: `demo-past-${period}-${i}`,
          prospectName: ["Camille Fontaine", "Élodie Marchand", "Julien Robin", "Sarah Weber", "Markus Vogel"][i % 5],
          prospectTitle: "Direction financière",
          prospectEmail: `contact-${period}-${i}@${company.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}.example`,
          prospectCompany: company,
          scheduledAt: at,
          timeZone: "Europe/Paris",
          durationMinutes: 45,
          channel: "VIDEO",
          checks: definition.criteria.map((c) => ({ criterionId: c.id, met: true })),
          confirmWarnings: true,
        },
        new Date(at.getTime() - 72 * H),
      );
      if (!r.ok || !r.created) continue;
      await changeMeetingStatus(clientMember, r.meetingId, "HELD", {}, new Date(at.getTime() + 2 * H));
      await acceptMeeting(clientAdmin, r.meetingId, undefined, new Date(at.getTime() + 50 * H));
      n += 1;
    }
  }
  return n;
}
