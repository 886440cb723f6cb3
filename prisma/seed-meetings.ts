// Demo meetings for a live campaign, written through the real domain functions: upcoming ones, one past its time
// without attendance, held ones rated and accepted, a dispute waiting for the AM, a dispute rejected with reasoning,
// a no-show. Call after the campaign is ACTIVE: `await seedDemoMeetings(campaignId)`.
import { prisma } from "~/utils/db.server";
import { actorForUser, type Actor } from "~/utils/auth.server";
import { acceptMeeting, disputeMeeting, rateMeeting, recordOutcome, resolveDispute } from "~/models/meetings/review.server";
import { addMeetingComment, logMeeting } from "~/models/meetings/logging.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";

const H = 3600_000;

const PROSPECTS = [
  ["Camille Fontaine", "Directrice supply chain", "Groupe Vernet", "vernet.example", "501-1000", "Agroalimentaire"],
  ["Nicolas Garnier", "Directeur logistique", "Saveurs d'Antan", "saveurs-antan.example", "201-500", "Agroalimentaire"],
  ["Élodie Marchand", "Head of Operations", "Lumen Pharma", "lumen-pharma.example", "1001-5000", "Pharmacie"],
  ["Julien Robin", "Directeur des opérations", "Métallerie Duval", "duval-metal.example", "201-500", "Industrie"],
  ["Sarah Weber", "CFO", "Brenner Maschinenbau", "brenner.example", "501-1000", "Manufacturing"],
  ["Markus Vogel", "VP Finance", "Alpentech", "alpentech.example", "201-500", "Software"],
  ["Claire Dubois", "Directrice administrative et financière", "Transports Morel", "morel.example", "201-500", "Transport"],
  ["Thomas Keller", "Head of Procurement", "Keller & Söhne", "keller-soehne.example", "1001-5000", "Retail"],
] as const;

/** Seeds about eight meetings on an ACTIVE campaign with an approved persona and definition; returns how many. */
export async function seedDemoMeetings(campaignId: string) {
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    include: {
      assignments: { orderBy: { createdAt: "asc" }, select: { userId: true } },
      clientCompany: { include: { memberships: { select: { userId: true, role: true } } } },
    },
  });
  const persona = await prisma.personaVersion.findFirst({ where: { status: "APPROVED", persona: { campaignId } }, orderBy: { number: "desc" } });
  const definition = await prisma.definitionVersion.findFirst({
    where: { status: "APPROVED", definition: { campaignId } },
    orderBy: { number: "desc" },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  if (!persona || !definition || campaign.status !== "ACTIVE" || !campaign.assignments.length) return 0;
  const actor = async (userId: string | undefined) => (userId ? ((await actorForUser(userId)) as Actor) : null);
  const sdrs = (await Promise.all(campaign.assignments.map((a) => actor(a.userId)))) as Actor[];
  const clientAdmin = await actor(campaign.clientCompany.memberships.find((m) => m.role === "CLIENT_ADMIN")?.userId);
  const clientMember = await actor(campaign.clientCompany.memberships.find((m) => m.role === "CLIENT_MEMBER")?.userId);
  const am = await actor(campaign.accountManagerId ?? campaign.clientCompany.accountManagerId ?? undefined);
  if (!clientAdmin || !clientMember || !am) return 0;
  const english = campaign.name.includes("DACH");
  const tz = english ? "Europe/Berlin" : "Europe/Paris";

  // [hours from now, what happens next]
  const plan: [number, "upcoming" | "forgotten" | "accepted" | "disputed" | "rejected" | "noshow" | "held"][] = [
    [50, "upcoming"],
    [120, "upcoming"],
    [-20, "forgotten"],
    [-30, "held"],
    [-100, "accepted"],
    [-76, "disputed"],
    [-150, "rejected"],
    [-54, "noshow"],
  ];
  let n = 0;
  for (const [i, [hours, fate]] of plan.entries()) {
    const [name, title, company, domain, size, industry] = PROSPECTS[(i + (english ? 4 : 0)) % PROSPECTS.length];
    const sdr = sdrs[i % sdrs.length];
    const at = new Date(Math.round((Date.now() + hours * H) / (15 * 60_000)) * 15 * 60_000);
    const r = await logMeeting(
      sdr,
      campaignId,
      {
        personaVersionId: persona.id,
        externalId: `demo-${i}`,
        prospectName: name,
        prospectTitle: title,
        prospectEmail: `${name.split(" ")[0].normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()}@${domain}`,
        prospectCompany: company,
        prospectDomain: domain,
        prospectCompanySize: size,
        prospectIndustry: industry,
        prospectCountry: english ? "DE" : "FR",
        scheduledAt: at,
        timeZone: tz,
        durationMinutes: 45,
        channel: "VIDEO",
        location: "https://meet.example/rdv-" + i,
        clientAttendeeId: clientMember.userId,
        discoveryNeed: english ? "Month-end close takes two weeks; spend visibility is poor." : "Les stocks ne sont pas fiables ; inventaires tournants à la main.",
        discoveryContext: english ? "New CFO since spring, reviewing the finance stack." : "Nouvel entrepôt en 2027, appel d'offres WMS prévu.",
        discoveryBudget: english ? "Budget approved for H1." : "Budget en cours d'arbitrage.",
        discoveryTimeline: english ? "Decision before the end of Q2." : "Décision au premier semestre.",
        checks: definition.criteria.map((c, k) => ({ criterionId: c.id, met: fate !== "disputed" || k !== 0, note: k === 0 ? (english ? "Signs off tools under 50k€" : "Valide les achats jusqu'à 50 k€") : "" })),
        confirmWarnings: true,
      },
      new Date(Math.min(Date.now(), at.getTime()) - 72 * H),
    );
    if (!r.ok || !r.created) continue;
    n += 1;
    const id = r.meetingId;
    if (fate === "upcoming" || fate === "forgotten") continue;
    if (fate === "noshow") {
      await changeMeetingStatus(clientMember, id, "NO_SHOW");
      continue;
    }
    await changeMeetingStatus(fate === "held" ? sdr : clientMember, id, "HELD");
    if (fate === "held") continue;
    await rateMeeting(clientMember, id, { ratingOverall: fate === "accepted" ? 5 : 2, ratingPersonaFit: fate === "accepted" ? 5 : 3, ratingDecisionPower: fate === "accepted" ? 4 : 1, ratingRealNeed: 4, ratingBriefing: 4 });
    if (fate === "accepted") {
      await acceptMeeting(clientAdmin, id);
      await recordOutcome(clientMember, id, { opportunityCreated: true, pipelineValue: 4_800_000, won: null });
      continue;
    }
    const criterion = definition.criteria[0];
    await disputeMeeting(clientAdmin, id, [{ criterionId: criterion.id, reason: english ? "She only influences the choice; the CEO decides." : "Il prescrit mais ne décide pas : c'est le DG qui signe." }]);
    await addMeetingComment(am, id, english ? "Listening to the call recording before answering." : "Je réécoute l'enregistrement avant de répondre.", true);
    if (fate === "rejected")
      await resolveDispute(am, id, {
        decision: "DISPUTE_REJECTED",
        reasoning: english
          ? "At 12:40 in the recording she says she signs off finance tools under 50k€, which covers this offer."
          : "À 12:40 dans l'enregistrement, il indique valider seul les achats logistiques jusqu'à 50 k€, ce qui couvre l'offre.",
      });
  }
  return n;
}
