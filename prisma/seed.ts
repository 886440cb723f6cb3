// The demo agency: believable people, clients and campaigns. Idempotent: a second run changes nothing.
import { prisma } from "~/utils/db.server";
import { actorForUser } from "~/utils/auth.server";
import { createClient } from "~/models/client.server";
import { createCampaign, setCampaignSdrs } from "~/models/campaign.server";
import { createMember } from "../tests/factories";
import { approveVersion, proposeVersion, requestVersionChanges, addVersionComment } from "~/models/agreement/decisions.server";
import { createPersona, saveDefinitionDraft, savePersonaDraft } from "~/models/agreement/drafts.server";
import { setCampaignStatus } from "~/models/campaign.server";
import { DEMO_CRITERIA, definitionInput, personaInput } from "../tests/factories";
import { seedDemoMeetings } from "./seed-meetings";
import { seedDemoPricing, seedPastBillableMeetings } from "./seed-billing";
import { seedDemoObjectives } from "./seed-objectives";
import { seedDemoInvoices } from "./seed-invoices";
import { seedDemoApi } from "./seed-api";
import { seedDemoQualitative } from "./seed-qualitative";
import { seedDemoNotifications } from "./seed-notifications";
import { seedDemoReports } from "./seed-reports";
import { seedDemoWebhooks } from "./seed-webhooks";

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

  const sophie = await m("CLIENT_ADMIN", "Sophie Durand", "sophie.durand@acme-logistique.test", { clientCompanyId: acme.id });
  await m("CLIENT_MEMBER", "Thomas Petit", "thomas.petit@acme-logistique.test", { clientCompanyId: acme.id });
  const anna = await m("CLIENT_ADMIN", "Anna Schmidt", "anna.schmidt@nordwind.test", { clientCompanyId: nordwind.id, locale: "en" });
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
  const ids: string[] = [];
  for (const c of campaigns) {
    const amActor = (await actorForUser(c.am.userId))!;
    const campaign = await createCampaign(amActor, { clientCompanyId: c.client.id, name: c.name, description: c.description, startDate: d(c.start), endDate: d(c.end), accountManagerId: c.am.userId });
    await setCampaignSdrs(amActor, campaign.id, c.sdrs.map((s) => s.userId));
    ids.push(campaign.id);
  }
  await seedAgreements(ids, { claire, david, sophie, anna });
  // Billing: every client priced (accepted meetings then enter the ledger at those prices), and past months' items.
  await seedDemoPricing((await actorForUser(admin.userId))!);
  await seedPastBillableMeetings(ids[0]);
  await seedPastBillableMeetings(ids[2]);
  // The two live campaigns get meetings in every state: upcoming, to review, accepted, disputed, no-show.
  await seedDemoMeetings(ids[0]);
  await seedDemoMeetings(ids[2]);
  for (const id of [ids[0], ids[2]]) await (await import("./seed-dashboards")).seedDemoDashboards(id); // months of history (issue 12)
  await seedDemoObjectives(ids[0]);
  await seedDemoQualitative(ids[0]);
  await seedDemoReports(ids[0]);
  await seedDemoInvoices();
  await seedDemoApi(agency.id, admin.userId);
  await seedDemoWebhooks(agency.id, admin.userId);
  await seedDemoNotifications(agency.id);
  return true;
}

const ORIGIN = process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`;

/** The agreement's story in the demo: one campaign live with a revision waiting for the client, one live in English, one being drafted. */
async function seedAgreements([idf, benelux, dach]: string[], p: Record<"claire" | "david" | "sophie" | "anna", Awaited<ReturnType<typeof createMember>>>) {
  const claire = (await actorForUser(p.claire.userId))!;
  const david = (await actorForUser(p.david.userId))!;
  const sophie = (await actorForUser(p.sophie.userId))!;
  const anna = (await actorForUser(p.anna.userId))!;

  // Acme, Île-de-France: v1 sent back, v2 approved; definition approved; live. Then v3 proposed, waiting for Sophie.
  const idfPersona = personaInput({
    name: "Directeurs supply chain ETI industrielles",
    jobTitles: ["Directeur supply chain", "Directeur logistique", "Responsable des opérations logistiques"],
    seniorities: ["DIRECTOR", "HEAD"],
    departments: ["Supply chain", "Logistique"],
    industries: ["Industrie manufacturière", "Agroalimentaire", "Distribution spécialisée"],
    companySizeMin: 250,
    companySizeMax: 5000,
    geographies: ["Île-de-France"],
    exclusions: ["geodis.example", "Clients actuels d'Acme (liste CRM du 1er septembre)"],
    pains: "Ruptures de stock lors des pics d'activité, aucune visibilité en temps réel sur la capacité des entrepôts, erreurs de préparation coûteuses.",
    pitch: "Le WMS d'Acme est en production en 8 semaines et réduit de 30 % les erreurs de préparation, sans changer d'ERP.",
  });
  const { persona, version: v1 } = await createPersona(claire, idf, { ...idfPersona, companySizeMin: 100, geographies: ["Île-de-France", "Hauts-de-France"] });
  await proposeVersion(claire, idf, "persona", v1.id, v1.revision, ORIGIN);
  await requestVersionChanges(sophie, idf, "persona", v1.id, v1.revision + 1, "Nous ne couvrons pas encore les Hauts-de-France, et en dessous de 250 salariés le cycle de vente est trop long. Merci d'ajuster.", ORIGIN);
  const v2 = await savePersonaDraft(claire, idf, persona.id, { ...idfPersona, baseVersionId: v1.id, revision: v1.revision + 2 });
  await proposeVersion(claire, idf, "persona", v2.id, v2.revision, ORIGIN);
  await approveVersion(sophie, idf, "persona", v2.id, v2.revision + 1, "Parfait, c'est validé.", ORIGIN);
  const def = await saveDefinitionDraft(claire, idf, definitionInput({
    notes: "Les rendez-vous se tiennent avec un commercial terrain d'Acme.",
    criteria: [
      { key: "decision_maker", label: "Interlocuteur décideur ou influenceur direct", helpText: "Fonction et rôle dans la décision confirmés pendant l'appel.", required: true },
      { key: "company_size", label: "Entreprise dans la fourchette de taille convenue", helpText: "Effectif vérifié sur LinkedIn ou auprès du prospect.", required: true },
      { key: "need", label: "Besoin exprimé avec les mots du prospect", helpText: "Citez le prospect dans les notes de découverte.", required: true },
      { key: "timeline", label: "Projet à moins de 12 mois", helpText: "Un budget ou une fenêtre de projet a été évoqué.", required: false },
    ],
  }));
  await proposeVersion(claire, idf, "definition", def.id, def.revision, ORIGIN);
  await approveVersion(sophie, idf, "definition", def.id, def.revision + 1, "", ORIGIN);
  await setCampaignStatus(claire, idf, "ACTIVE");
  const v3 = await savePersonaDraft(claire, idf, persona.id, { ...idfPersona, baseVersionId: v2.id, revision: v2.revision + 2, industries: [...idfPersona.industries, "Pharmacie et cosmétique"] });
  await proposeVersion(claire, idf, "persona", v3.id, v3.revision, ORIGIN);
  await addVersionComment(claire, idf, "persona", v3.id, "Suite à notre point de lundi : nous ajoutons la pharmacie et la cosmétique, où vos deux dernières signatures ont eu lieu.");

  // Nordwind, DACH: approved and live, in English.
  const dachPersona = await createPersona(david, dach, personaInput({
    name: "Finance leaders, DACH mid-market",
    jobTitles: ["CFO", "Head of Finance", "VP Finance", "Finance Director"],
    seniorities: ["C_LEVEL", "VP", "HEAD", "DIRECTOR"],
    departments: ["Finance"],
    industries: ["Software", "Professional services", "Industrial machinery"],
    companySizeMin: 200,
    companySizeMax: 2000,
    geographies: ["Germany", "Austria", "Switzerland"],
    exclusions: ["spendly.example"],
    pains: "Month-end close takes two weeks; spend is approved in email threads; no view of committed spend.",
    pitch: "Nordwind gives finance teams control of every euro before it is spent, and closes the month in three days.",
  }));
  await proposeVersion(david, dach, "persona", dachPersona.version.id, 0, ORIGIN);
  await approveVersion(anna, dach, "persona", dachPersona.version.id, 1, "", ORIGIN);
  const dachDef = await saveDefinitionDraft(david, dach, definitionInput({ disputeWindowDays: 5, allowedChannels: ["VIDEO"], criteria: DEMO_CRITERIA }));
  await proposeVersion(david, dach, "definition", dachDef.id, dachDef.revision, ORIGIN);
  await approveVersion(anna, dach, "definition", dachDef.id, dachDef.revision + 1, "Approved. Video only, please.", ORIGIN);
  await setCampaignStatus(david, dach, "ACTIVE");

  // Acme, Benelux: a persona still being drafted by the agency.
  await createPersona(claire, benelux, personaInput({
    name: "Responsables e-commerce retail Benelux",
    jobTitles: ["Head of E-commerce", "E-commerce Manager", "Directeur des opérations"],
    seniorities: ["HEAD", "MANAGER", "DIRECTOR"],
    industries: ["Retail", "Mode", "Équipement de la maison"],
    companySizeMin: 50,
    companySizeMax: 1000,
    geographies: ["Belgique", "Pays-Bas", "Luxembourg"],
    exclusions: [],
    pains: "Préparation des commandes e-commerce et magasin sur deux outils différents.",
    pitch: "Un seul entrepôt pour le web et les magasins.",
  }));
  return true;
}

const created = await seed();
console.log(created ? "Seeded the demo agency Pipeline Partners." : "Demo data already present: nothing to seed.");
await prisma.$disconnect();
