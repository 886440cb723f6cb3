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
  return {
    summary: `${CLIENTS} clients, ${SDRS} SDRs, ${CAMPAIGNS} campaigns with 3 persona versions each`,
    scenarios: [
      { name: "agency admin home", path: "/home", userId: admin },
      { name: "campaigns list (admin, 200)", path: "/campaigns", userId: admin },
      { name: "clients list (admin, 50)", path: "/clients", userId: admin },
      { name: "account manager home", path: "/home", userId: ams[1] },
      { name: "SDR home", path: "/home", userId: sdrs[3] },
      { name: "client admin home (action items)", path: "/home", userId: clientAdmins[1] },
      { name: "campaign overview", path: `/campaigns/${c0}`, userId: admin },
      { name: "persona version with diff", path: `/campaigns/${c0}/targeting/${persona0.id}`, userId: admin },
    ],
  };
}
