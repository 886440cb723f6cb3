// Issue 9, "CSV for French spreadsheets": the export reads like the screens in the reader's language and time zone,
// carries the dispute (criteria with their reasons, the reason beyond the criteria) and the rating sub-scores, and
// honours the separator and BOM chosen on the export form.
import Papa from "papaparse";
import { prisma } from "~/utils/db.server";
import { createSession, sessionCookie, type Actor } from "~/utils/auth.server";
import { meetingsCsvStream } from "~/models/meetings/export.server";
import { disputeMeeting, rateMeeting } from "~/models/meetings/review.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { loader as exportLoader } from "~/routes/_app+/campaigns+/$campaignId+/meetings+/export";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState, type AgencyWorld } from "../factories";

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
let disputedId: string;
beforeEach(async () => {
  w = await createAgencyWithClient({ campaignName: "Opération Rentrée" });
  a = await createActiveCampaignWithAgreement(w);
  // Held 30 hours ago, rated, disputed on a criterion and on a reason beyond the criteria.
  disputedId = await createMeetingInState(w, a, "held", { hoursFromNow: -30, input: { prospectName: "Camille Fontaine" } });
  await rateMeeting(w.clientMember, disputedId, { ratingOverall: 2, ratingPersonaFit: 4, ratingDecisionPower: 1, ratingRealNeed: 3, ratingBriefing: 5 });
  await disputeMeeting(w.clientAdmin, disputedId, [{ criterionId: a.criteria[0].id, reason: "Le DG signe, pas lui" }], undefined, new Date(), {
    reason: "EXISTING_CUSTOMER",
    text: "Client depuis 2021",
    evidence: null,
  });
});

async function read(stream: ReadableStream<Uint8Array>) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

function parse(text: string, delimiter: string) {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter, skipEmptyLines: true }).data;
  const [header, ...body] = rows;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

const as = (actor: Actor, over: Partial<Actor>): Actor => ({ ...actor, ...over });

describe("meetings CSV export", () => {
  it("writes headers and values in French, times in the reader's zone (named in the header), the dispute and the sub-scores", async () => {
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id: disputedId }, include: { disputeItems: { include: { criterion: true } } } });
    const reader = as(w.clientAdmin, { locale: "fr", timeZone: "America/New_York" });
    const text = await read(meetingsCsvStream(reader, { campaignId: w.campaign.id }, { delimiter: ";", bom: true }, "fr"));
    expect(text.startsWith("\uFEFF")).toBe(true);
    const { header, rows } = parse(text, ";");
    expect(header).toContain("Date et heure (America/New_York)");
    expect(header).toContain("Note\u202f: Pouvoir de décision");
    expect(header.join("|")).not.toMatch(/scheduledAt|prospectName|ratingOverall/);
    const row = rows.find((r) => r["Identifiant du rendez-vous"] === disputedId)!;
    expect(row).toBeTruthy();
    const ny = new Intl.DateTimeFormat("fr-FR", { timeZone: "America/New_York", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .format(m.scheduledAt)
      .replace(",", "");
    expect(row["Date et heure (America/New_York)"]).toBe(ny);
    expect(row["Statut"]).toBe("Tenu");
    expect(row["Canal"]).toBe("Visioconférence");
    expect(row["Évaluation"]).toBe("Contesté");
    expect(row["Accepté automatiquement"]).toBe("Non");
    expect(row["Note\u202f: Note globale"]).toBe("2");
    expect(row["Note\u202f: Adéquation au persona"]).toBe("4");
    expect(row["Note\u202f: Pouvoir de décision"]).toBe("1");
    expect(row["Note\u202f: Besoin réel"]).toBe("3");
    expect(row["Note\u202f: Qualité du brief du SDR"]).toBe("5");
    const label = m.disputeItems[0].criterion.label;
    expect(row["Critères contestés"]).toBe(label);
    expect(row["Motif de contestation par critère"]).toBe(`${label}\u202f: Le DG signe, pas lui`);
    expect(row["Motif de contestation hors critères"]).toBe("Déjà client chez nous");
    expect(row["Motif de contestation, expliqué"]).toBe("Client depuis 2021");
    expect(Object.keys(row)).not.toContain("Notes internes");
  });

  it("writes English labels for an English reader, and the internal notes for the agency", async () => {
    const reader = as(w.am, { locale: "en", timeZone: "Europe/Paris" });
    const { header, rows } = parse(await read(meetingsCsvStream(reader, { campaignId: w.campaign.id }, { delimiter: ",", bom: false }, "en")), ",");
    expect(header).toContain("Date and time (Europe/Paris)");
    expect(header).toContain("Internal notes");
    const row = rows.find((r) => r["Meeting id"] === disputedId)!;
    expect(row["Status"]).toBe("Held");
    expect(row["Channel"]).toBe("Video call");
    expect(row["Review"]).toBe("Disputed");
    expect(row["Rating: Decision power"]).toBe("1");
    expect(row["Dispute reason beyond the criteria"]).toBe("Already a customer of ours");
  });

  it("the route honours the separator and BOM chosen on the export form, and keeps the accents of the file name", async () => {
    await changeMeetingStatus(w.sdr, await createMeetingInState(w, a, "scheduled"), "CANCELLED");
    const s = await createSession(w.clientAdmin.userId);
    await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { locale: "fr", timeZone: "Europe/Paris" } });
    const get = async (q: string) => {
      const request = new Request(`http://test/campaigns/${w.campaign.id}/meetings/export${q}`, { headers: { Cookie: await sessionCookie.serialize(s.id) } });
      return (await exportLoader({ request, params: { campaignId: w.campaign.id }, context: {} })) as Response;
    };
    const byDefault = await get("");
    expect(byDefault.headers.get("Content-Disposition")).toContain("Op%C3%A9ration-Rentr%C3%A9e");
    const def = await read(byDefault.body!);
    expect(def.startsWith("\uFEFF")).toBe(true);
    expect(def.split("\r\n")[0]).toContain('";"');
    // The form: comma chosen, BOM box unticked (only the hidden bom=0 is sent), the list's filter kept.
    const chosen = await read((await get("?status=CANCELLED&sep=comma&bom=0")).body!);
    expect(chosen.startsWith("\uFEFF")).toBe(false);
    const { header, rows } = parse(chosen, ",");
    expect(header[0]).toBe("Identifiant du rendez-vous");
    expect(rows.map((r) => r["Statut"])).toEqual(["Annulé"]);
    // Box ticked: bom=0 and bom=1 both sent, the BOM is written.
    expect((await read((await get("?sep=comma&bom=0&bom=1")).body!)).startsWith("\uFEFF")).toBe(true);
  });
});
