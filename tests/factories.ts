// One factories module for the seed, Vitest and Playwright. Composite builders go through the real domain
// functions (createClient, createCampaign, setCampaignSdrs) so test data obeys the same rules as real data.
import { faker } from "@faker-js/faker";
import { prisma } from "~/utils/db.server";
import { actorForUser, hashPassword, type Actor } from "~/utils/auth.server";
import { createClient } from "~/models/client.server";
import { createCampaign, setCampaignSdrs } from "~/models/campaign.server";
import type { Role } from "~/domain/shared/permissions";
import type { Locale } from "~/i18n";

let seq = 0;
/** Unique across parallel workers and reruns. */
export function unique(prefix = "x") {
  seq += 1;
  return `${prefix}-${process.pid.toString(36)}-${Date.now().toString(36)}-${seq}`;
}

export const DEFAULT_PASSWORD = "correct-horse-battery";
let defaultHash: Promise<string> | undefined;

export async function createAgency(data: { name?: string; slug?: string } = {}) {
  const name = data.name ?? `${faker.company.name()} Prospection`;
  return prisma.agency.create({ data: { name, slug: data.slug ?? unique("agency") } });
}

export async function createUser(data: { email?: string; name?: string; password?: string | null; locale?: Locale } = {}) {
  const name = data.name ?? faker.person.fullName();
  const passwordHash =
    data.password === null ? null : data.password ? await hashPassword(data.password) : await (defaultHash ??= hashPassword(DEFAULT_PASSWORD));
  return prisma.user.create({
    data: { email: (data.email ?? `${unique("user")}@example.test`).toLowerCase(), name, passwordHash, locale: data.locale },
  });
}

/** A user with a role in an agency (and, for client roles, in one client company); returns their actor. */
export async function createMember(
  agencyId: string,
  role: Role,
  opts: { clientCompanyId?: string; email?: string; name?: string; password?: string; locale?: Locale } = {},
): Promise<Actor> {
  const user = await createUser(opts);
  await prisma.membership.create({ data: { userId: user.id, agencyId, role, clientCompanyId: opts.clientCompanyId ?? null } });
  return (await actorForUser(user.id))!;
}

export type AgencyWorld = {
  agency: { id: string; name: string };
  admin: Actor;
  am: Actor;
  sdr: Actor;
  otherSdr: Actor;
  client: { id: string; name: string };
  clientAdmin: Actor;
  clientMember: Actor;
  campaign: { id: string; name: string };
};

/**
 * An agency with one of each role, a client company led by the AM, and a campaign with one SDR assigned
 * (otherSdr is in the agency but not on the campaign).
 */
export async function createAgencyWithClient(opts: { agencyName?: string; clientName?: string; campaignName?: string } = {}): Promise<AgencyWorld> {
  const agency = await createAgency({ name: opts.agencyName });
  const admin = await createMember(agency.id, "AGENCY_ADMIN");
  const am = await createMember(agency.id, "ACCOUNT_MANAGER");
  const sdr = await createMember(agency.id, "SDR");
  const otherSdr = await createMember(agency.id, "SDR");
  const client = await createClient(admin, { name: opts.clientName ?? faker.company.name(), currency: "EUR", accountManagerId: am.userId });
  const clientAdmin = await createMember(agency.id, "CLIENT_ADMIN", { clientCompanyId: client.id });
  const clientMember = await createMember(agency.id, "CLIENT_MEMBER", { clientCompanyId: client.id });
  const campaign = await createCampaign(am, { clientCompanyId: client.id, name: opts.campaignName ?? `${faker.commerce.department()} outbound` });
  await setCampaignSdrs(am, campaign.id, [sdr.userId]);
  return { agency, admin, am, sdr, otherSdr, client, clientAdmin, clientMember, campaign };
}

export const DEFAULT_CRITERIA = [
  { key: "decision_maker", label: "Decision maker or direct influencer on the purchase", helpText: "Signs off or sits on the buying committee.", required: true },
  { key: "real_need", label: "Expressed a real need the offer addresses", helpText: "A current pain, in the prospect's words.", required: true },
  { key: "target_company", label: "Company matches the targeting (size, industry, geography)", helpText: "", required: true },
  { key: "timeline", label: "Project or renewal within 12 months", helpText: "Optional: a known timeline.", required: false },
];

/**
 * Makes the world's campaign ACTIVE with an approved persona version and an approved qualified-meeting definition
 * (4 criteria). Written with Prisma directly for now; the agreement's domain functions may replace it.
 */
export async function createActiveCampaignWithAgreement(world: AgencyWorld, opts: { disputeWindowDays?: number; personaName?: string } = {}) {
  const persona = await prisma.persona.create({ data: { campaignId: world.campaign.id } });
  const personaVersion = await prisma.personaVersion.create({
    data: {
      personaId: persona.id,
      number: 1,
      status: "APPROVED",
      name: opts.personaName ?? "CFO of mid-sized companies",
      jobTitles: ["CFO", "Directeur administratif et financier"],
      seniorities: ["C_LEVEL"],
      departments: ["Finance"],
      industries: ["Logistics", "Manufacturing"],
      companySizeMin: 50,
      companySizeMax: 1000,
      geographies: ["FR", "BE"],
      exclusions: [],
      pains: "Month-end close takes two weeks.",
      pitch: "Close the books in three days.",
      createdById: world.am.userId,
      proposedById: world.am.userId,
      proposedAt: new Date(),
      decidedById: world.clientAdmin.userId,
      decidedAt: new Date(),
    },
  });
  const definition = await prisma.qualificationDefinition.create({ data: { campaignId: world.campaign.id } });
  const draft = await prisma.definitionVersion.create({
    data: {
      definitionId: definition.id,
      number: 1,
      status: "DRAFT",
      disputeWindowDays: opts.disputeWindowDays ?? 7,
      minDurationMinutes: 30,
      allowedChannels: ["VIDEO", "PHONE"],
      minLeadTimeHours: 24,
      createdById: world.am.userId,
      criteria: { create: DEFAULT_CRITERIA.map((c, position) => ({ ...c, position })) },
    },
  });
  // Criteria are written while the version is a draft (the database refuses them on an approved version).
  const definitionVersion = await prisma.definitionVersion.update({
    where: { id: draft.id },
    data: { status: "APPROVED", proposedById: world.am.userId, proposedAt: new Date(), decidedById: world.clientAdmin.userId, decidedAt: new Date() },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  await prisma.campaign.update({ where: { id: world.campaign.id }, data: { status: "ACTIVE" } });
  return { persona, personaVersion, definition, definitionVersion, criteria: definitionVersion.criteria };
}
