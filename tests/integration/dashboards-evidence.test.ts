// Persona evidence: the findings read the client's verdicts by prospect field and title, an AM starts the next
// draft with them attached, and the client reads them with the proposed version; another agency cannot.
import { prisma } from "~/utils/db.server";
import { personaEvidence, startDraftFromEvidence } from "~/models/dashboards/evidence.server";
import { proposeVersion } from "~/models/agreement/decisions.server";
import { getPersona } from "~/models/agreement/drafts.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState } from "../factories";

it("reads the evidence, attaches it to a new draft, and the client sees it with the proposal", async () => {
  const w = await createAgencyWithClient();
  const a = await createActiveCampaignWithAgreement(w);
  const m = (state: "accepted" | "dispute_upheld", industry: string, title: string, hours: number) =>
    createMeetingInState(w, a, state, { hoursFromNow: hours, input: { prospectIndustry: industry, prospectTitle: title } });
  let h = -30;
  for (let i = 0; i < 4; i += 1) await m("accepted", "Logistics", "Directeur supply chain", (h -= 5));
  await m("dispute_upheld", "Logistics", "Responsable achats", (h -= 5));
  for (let i = 0; i < 3; i += 1) await m("dispute_upheld", "Retail", "Acheteur", (h -= 5));
  await m("accepted", "Retail", "Directeur des opérations", (h -= 5));

  const evidence = await personaEvidence(w.am, w.campaign.id);
  expect(evidence).toMatchObject({ decided: 9, accepted: 5, disputed: 4 });
  expect(evidence.findings).toContainEqual({ kind: "field", field: "industry", best: { value: "Logistics", rate: 80, total: 5 }, worst: { value: "Retail", rate: 25, total: 4 } });
  expect(evidence.findings).toContainEqual({ kind: "titles", criterion: a.criteria[0].label, word: "directeur", without: 4, of: 4 });

  const { versionId, number } = await startDraftFromEvidence(w.am, w.campaign.id, a.persona.id);
  expect(number).toBe(a.personaVersion.number + 1);
  const draft = await prisma.personaVersion.findUniqueOrThrow({ where: { id: versionId } });
  expect(draft.status).toBe("DRAFT");
  expect(draft.jobTitles).toEqual(a.personaVersion.jobTitles);
  await proposeVersion(w.am, w.campaign.id, "persona", versionId, draft.revision, "http://localhost");
  const seen = await getPersona(w.clientAdmin, w.campaign.id, a.persona.id);
  const proposed = seen.versions.find((v) => v.id === versionId)!;
  expect((proposed.evidence as { findings: unknown[] }).findings).toHaveLength(evidence.findings.length);

  const other = await createAgencyWithClient();
  await expect(personaEvidence(other.admin, w.campaign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(startDraftFromEvidence(other.admin, w.campaign.id, a.persona.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(startDraftFromEvidence(w.clientAdmin, w.campaign.id, a.persona.id)).rejects.toThrow();
});
