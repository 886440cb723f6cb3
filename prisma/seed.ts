// The demo agency: believable people, clients and campaigns. Idempotent: a second run changes nothing.
import { prisma } from "~/utils/db.server";
import { actorForUser } from "~/utils/auth.server";
import { createClient } from "~/models/client.server";
import { createCampaign, setCampaignSdrs } from "~/models/campaign.server";
import { createMember } from "../tests/factories";

export const DEMO_PASSWORD = "rendezvous-demo";
export const DEMO_SLUG = "pipeline-partners";

export const DEMO_LOGINS = [
  { role: "Agency admin", email: "admin@pipeline-partners.test" },
  { role: "Account manager", email: "claire.martin@pipeline-partners.test" },
  { role: "SDR", email: "lucas.bernard@pipeline-partners.test" },
  { role: "Client admin", email: "sophie.durand@acme-logistique.test" },
  { role: "Client member", email: "thomas.petit@acme-logistique.test" },
];

async function seed() {
  const existing = await prisma.agency.findUnique({ where: { slug: DEMO_SLUG } });
  if (existing) return false;
  const agency = await prisma.agency.create({ data: { name: "Pipeline Partners", slug: DEMO_SLUG } });
  const m = (role: Parameters<typeof createMember>[1], name: string, email: string, extra: { clientCompanyId?: string; locale?: "en" | "fr" } = {}) =>
    createMember(agency.id, role, { name, email, password: DEMO_PASSWORD, locale: extra.locale ?? "fr", clientCompanyId: extra.clientCompanyId });

  const admin = await m("AGENCY_ADMIN", "Julien Moreau", "admin@pipeline-partners.test");
  const claire = await m("ACCOUNT_MANAGER", "Claire Martin", "claire.martin@pipeline-partners.test");
  const david = await m("ACCOUNT_MANAGER", "David Cohen", "david.cohen@pipeline-partners.test", { locale: "en" });
  const lucas = await m("SDR", "Lucas Bernard", "lucas.bernard@pipeline-partners.test");
  const ines = await m("SDR", "Inès Lefèvre", "ines.lefevre@pipeline-partners.test");
  const hugo = await m("SDR", "Hugo Girard", "hugo.girard@pipeline-partners.test");
  const emma = await m("SDR", "Emma Walsh", "emma.walsh@pipeline-partners.test", { locale: "en" });

  const acme = await createClient(admin, { name: "Acme Logistique", website: "https://acme-logistique.example", currency: "EUR", accountManagerId: claire.userId });
  const nordwind = await createClient(admin, { name: "Nordwind Software", website: "https://nordwind.example", currency: "EUR", accountManagerId: david.userId });
  const helios = await createClient(admin, { name: "Helios Énergie", website: "https://helios-energie.example", currency: "EUR", accountManagerId: claire.userId });

  await m("CLIENT_ADMIN", "Sophie Durand", "sophie.durand@acme-logistique.test", { clientCompanyId: acme.id });
  await m("CLIENT_MEMBER", "Thomas Petit", "thomas.petit@acme-logistique.test", { clientCompanyId: acme.id });
  await m("CLIENT_ADMIN", "Anna Schmidt", "anna.schmidt@nordwind.test", { clientCompanyId: nordwind.id, locale: "en" });
  await m("CLIENT_MEMBER", "Ben Carter", "ben.carter@nordwind.test", { clientCompanyId: nordwind.id, locale: "en" });
  await m("CLIENT_ADMIN", "Marie Lambert", "marie.lambert@helios-energie.test", { clientCompanyId: helios.id });
  await m("CLIENT_MEMBER", "Paul Roux", "paul.roux@helios-energie.test", { clientCompanyId: helios.id });

  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const campaigns = [
    { client: acme, am: claire, name: "Directeurs supply chain — Île-de-France", description: "Prise de rendez-vous avec les directeurs supply chain et logistique des ETI industrielles d'Île-de-France pour la solution WMS d'Acme.", start: "2026-09-01", end: "2027-02-28", sdrs: [lucas, ines] },
    { client: acme, am: claire, name: "Retail e-commerce — Benelux", description: "Responsables e-commerce et opérations des enseignes retail du Benelux (50 à 1000 salariés).", start: "2026-11-01", end: "2027-04-30", sdrs: [hugo] },
    { client: nordwind, am: david, name: "CFO outreach — DACH mid-market", description: "Finance leaders of DACH mid-market companies (200–2,000 employees) for Nordwind's spend management platform.", start: "2026-10-01", end: "2027-03-31", sdrs: [emma, lucas] },
    { client: helios, am: claire, name: "Directeurs de site industriel — Auvergne-Rhône-Alpes", description: "Directeurs de site et responsables énergie des sites industriels de plus de 100 salariés, pour les audits énergétiques d'Helios.", start: "2027-01-05", end: "2027-06-30", sdrs: [ines, hugo] },
  ];
  for (const c of campaigns) {
    const amActor = (await actorForUser(c.am.userId))!;
    const campaign = await createCampaign(amActor, { clientCompanyId: c.client.id, name: c.name, description: c.description, startDate: d(c.start), endDate: d(c.end), accountManagerId: c.am.userId });
    await setCampaignSdrs(amActor, campaign.id, c.sdrs.map((s) => s.userId));
  }
  return true;
}

const created = await seed();
console.log(created ? "Seeded the demo agency Pipeline Partners." : "Demo data already present: nothing to seed.");
await prisma.$disconnect();
