// Scale data for the benchmark, written with bulk inserts (the domain functions would take minutes at this size).
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/auth.server";

const CLIENTS = 50;
const SDRS = 100;
const AMS = 8;
const CAMPAIGNS = 200;

export async function seedScale() {
  const passwordHash = await hashPassword("bench-password");
  const agency = await prisma.agency.create({ data: { name: "Scale Agency", slug: "scale-agency" } });
  const user = async (email: string, name: string, role: "AGENCY_ADMIN" | "ACCOUNT_MANAGER" | "SDR" | "CLIENT_ADMIN" | "CLIENT_MEMBER", clientCompanyId?: string) => {
    const u = await prisma.user.create({ data: { email, name, passwordHash } });
    await prisma.membership.create({ data: { userId: u.id, agencyId: agency.id, role, clientCompanyId } });
    return u.id;
  };
  const admin = await user("admin@scale.test", "Scale Admin", "AGENCY_ADMIN");
  const ams: string[] = [];
  for (let i = 0; i < AMS; i++) ams.push(await user(`am${i}@scale.test`, `AM ${i}`, "ACCOUNT_MANAGER"));
  const sdrs: string[] = [];
  for (let i = 0; i < SDRS; i++) sdrs.push(await user(`sdr${i}@scale.test`, `SDR ${i}`, "SDR"));
  const clients: string[] = [];
  const clientAdmins: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const c = await prisma.clientCompany.create({ data: { agencyId: agency.id, name: `Client ${i}`, accountManagerId: ams[i % AMS] } });
    clients.push(c.id);
    clientAdmins.push(await user(`client${i}@scale.test`, `Client Admin ${i}`, "CLIENT_ADMIN", c.id));
    await user(`member${i}@scale.test`, `Client Member ${i}`, "CLIENT_MEMBER", c.id);
  }
  const campaigns: string[] = [];
  for (let i = 0; i < CAMPAIGNS; i++) {
    const c = await prisma.campaign.create({
      data: { agencyId: agency.id, clientCompanyId: clients[i % CLIENTS], name: `Campaign ${i}`, status: i % 3 ? "ACTIVE" : "DRAFT", accountManagerId: ams[i % AMS] },
    });
    campaigns.push(c.id);
    await prisma.campaignAssignment.createMany({ data: [0, 1, 2].map((k) => ({ campaignId: c.id, userId: sdrs[(i * 3 + k) % SDRS] })) });
    const persona = await prisma.persona.create({ data: { campaignId: c.id } });
    await prisma.personaVersion.createMany({
      data: [1, 2, 3].map((n) => ({
        personaId: persona.id,
        number: n,
        status: n === 3 ? "PROPOSED" : n === 2 ? "APPROVED" : "SUPERSEDED",
        name: `Persona ${i}`,
        jobTitles: ["CFO", "Head of Finance"],
        seniorities: ["C_LEVEL"],
        departments: ["Finance"],
        industries: ["Software"],
        geographies: ["France"],
        exclusions: [],
      })),
    });
  }
  const c0 = campaigns[1];
  const persona0 = await prisma.persona.findFirstOrThrow({ where: { campaignId: c0 } });
  const approvedPersona = await prisma.personaVersion.findFirstOrThrow({ where: { personaId: persona0.id, status: "APPROVED" } });
  const definition = await prisma.qualificationDefinition.create({ data: { campaignId: c0 } });
  const definitionVersion = await prisma.definitionVersion.create({
    data: {
      definitionId: definition.id,
      number: 1,
      allowedChannels: ["VIDEO", "PHONE"],
      criteria: { create: [{ key: "decision_maker", label: "Decision maker", position: 0 }, { key: "need", label: "Need", position: 1 }] },
    },
  });
  await prisma.definitionVersion.update({ where: { id: definitionVersion.id }, data: { status: "APPROVED" } });
  // 100,000 meetings on one campaign (a year of the whole agency's volume), 20,000 more spread on 20 others.
  const sdrOf = await prisma.campaignAssignment.findFirstOrThrow({ where: { campaignId: c0 } });
  await prisma.$executeRaw`
    INSERT INTO "Meeting" ("id", "agencyId", "clientCompanyId", "campaignId", "sdrId", "personaVersionId", "definitionVersionId",
      "prospectName", "prospectEmail", "prospectCompany", "scheduledAt", "timeZone", "durationMinutes", "channel", "status", "verdict", "updatedAt")
    SELECT 'bench' || g, ${agency.id}, c."clientCompanyId", CASE WHEN g <= 100000 THEN ${c0} ELSE c.id END, ${sdrOf.userId}, ${approvedPersona.id}, ${definitionVersion.id},
      'Prospect ' || g, 'p' || g || '@bench.test', 'Company ' || (g % 5000), now() - (g || ' minutes')::interval, 'Europe/Paris', 30, 'VIDEO',
      (ARRAY['SCHEDULED','HELD','NO_SHOW','CANCELLED'])[1 + g % 4]::"MeetingStatus",
      (CASE WHEN g % 4 = 1 THEN (ARRAY['PENDING','ACCEPTED','DISPUTED'])[1 + g % 3] ELSE 'PENDING' END)::"MeetingVerdict", now()
    FROM generate_series(1, 120000) g
    JOIN "Campaign" c ON c.id = CASE WHEN g <= 100000 THEN ${c0} ELSE (SELECT id FROM "Campaign" WHERE "agencyId" = ${agency.id} ORDER BY id OFFSET (g % 20) LIMIT 1) END`;
  await prisma.$executeRawUnsafe(`ANALYZE "Meeting"`);
  return {
    summary: `${CLIENTS} clients, ${SDRS} SDRs, ${CAMPAIGNS} campaigns with 3 persona versions each, 120,000 meetings (100,000 on one campaign)`,
    scenarios: [
      { name: "agency admin home", path: "/home", userId: admin },
      { name: "campaigns list (admin, 200)", path: "/campaigns", userId: admin },
      { name: "clients list (admin, 50)", path: "/clients", userId: admin },
      { name: "account manager home", path: "/home", userId: ams[1] },
      { name: "SDR home", path: "/home", userId: sdrs[3] },
      { name: "client admin home (action items)", path: "/home", userId: clientAdmins[1] },
      { name: "campaign overview", path: `/campaigns/${c0}`, userId: admin },
      { name: "persona version with diff", path: `/campaigns/${c0}/targeting/${persona0.id}`, userId: admin },
      { name: "meetings of a campaign (100,000), page 1", path: `/campaigns/${c0}/meetings`, userId: admin },
      { name: "meetings of a campaign, page 1,500", path: `/campaigns/${c0}/meetings?page=1500`, userId: admin },
      { name: "meetings filtered (held + disputed)", path: `/campaigns/${c0}/meetings?status=HELD&verdict=DISPUTED`, userId: admin },
      { name: "meetings text search", path: `/campaigns/${c0}/meetings?q=Company+4321`, userId: admin },
      { name: "meetings across campaigns (120,000)", path: `/meetings`, userId: admin },
      { name: "client admin's meetings list", path: `/campaigns/${c0}/meetings`, userId: clientAdmins[1] },
    ],
  };
}
