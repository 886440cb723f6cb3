// Accounts: agencies, users, memberships, and the composite world of every role around one campaign, built through
// the real domain functions (createClient, createCampaign, setCampaignSdrs) so test data obeys the same rules as real data.
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
