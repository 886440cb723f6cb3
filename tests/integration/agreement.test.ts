import { prisma } from "~/utils/db.server";
import { DomainError } from "~/domain/shared/errors";
import { addVersionComment, approveVersion, listVersionComments, proposeVersion, requestVersionChanges } from "~/models/agreement/decisions.server";
import { campaignReadiness, pendingDecisions, sentBackVersions } from "~/models/agreement/queries.server";
import { createPersona, getDefinition, getPersona, listPersonas, saveDefinitionDraft, savePersonaDraft } from "~/models/agreement/drafts.server";
import { campaignHistory, setCampaignStatus } from "~/models/campaign.server";
import { createAgencyWithClient, createMember } from "../factories";
import { approvedAgreement, definitionInput, personaInput, proposedPersona } from "../factories";

const ORIGIN = "http://portal.test";

async function expectCode(p: Promise<unknown>, code: DomainError["code"], key?: string) {
  const err = await p.then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect(err.code).toBe(code);
  if (key) expect(err.messageKey).toBe(key);
}

const version = (id: string) => prisma.personaVersion.findUniqueOrThrow({ where: { id } });

describe("persona version lifecycle", () => {
  it("goes draft -> proposed -> approved, emails the client admin then the AM, and keeps who decided", async () => {
    const w = await createAgencyWithClient();
    const { persona, version: v1 } = await createPersona(w.am, w.campaign.id, personaInput());
    expect(v1.status).toBe("DRAFT");
    // Clients never see the agency's drafts.
    expect(await listPersonas(w.clientAdmin, w.campaign.id)).toEqual([]);
    await expectCode(getPersona(w.clientAdmin, w.campaign.id, persona.id), "NOT_FOUND");

    await proposeVersion(w.am, w.campaign.id, "persona", v1.id, 0, ORIGIN);
    const proposed = await version(v1.id);
    expect(proposed.status).toBe("PROPOSED");
    expect(proposed.proposedById).toBe(w.am.userId);
    const toClient = await prisma.emailOutbox.findMany({ where: { template: "version-proposed" } });
    expect(toClient.map((e) => e.to)).toEqual([w.clientAdmin.email]);
    expect(toClient[0].text).toContain(`${ORIGIN}/campaigns/${w.campaign.id}/targeting/${persona.id}?v=${v1.id}`);

    const pending = await pendingDecisions(w.clientAdmin);
    expect(pending.map((p) => p.versionId)).toEqual([v1.id]);

    await approveVersion(w.clientAdmin, w.campaign.id, "persona", v1.id, proposed.revision, "Looks right", ORIGIN);
    const approved = await version(v1.id);
    expect(approved.status).toBe("APPROVED");
    expect(approved.decidedById).toBe(w.clientAdmin.userId);
    expect(approved.decisionComment).toBe("Looks right");
    const toAm = await prisma.emailOutbox.findMany({ where: { template: "version-decided" } });
    expect(toAm.map((e) => e.to)).toEqual([w.am.email]);
    expect(await pendingDecisions(w.clientAdmin)).toEqual([]);
    const events = await prisma.auditEvent.findMany({ where: { campaignId: w.campaign.id, type: { startsWith: "persona." } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["persona.drafted", w.am.userId],
      ["persona.proposed", w.am.userId],
      ["persona.approved", w.clientAdmin.userId],
    ]);
  });

  it("sends a version back with a required comment, and the revision becomes a new draft that supersedes on approval", async () => {
    const w = await createAgencyWithClient();
    const first = await approvedAgreement(w.am, w.clientAdmin, w.campaign.id);
    // Edit the approved version: v1 stays untouched, v2 is a new draft.
    const v1 = await version(first.personaVersionId);
    const v2 = await savePersonaDraft(w.am, w.campaign.id, first.personaId, personaInput({ name: "Supply chain directors, ETI", baseVersionId: v1.id, revision: v1.revision }));
    expect(v2.number).toBe(2);
    expect(v2.status).toBe("DRAFT");
    expect((await version(v1.id)).name).toBe(v1.name);
    await proposeVersion(w.am, w.campaign.id, "persona", v2.id, v2.revision, ORIGIN);

    await expectCode(requestVersionChanges(w.clientAdmin, w.campaign.id, "persona", v2.id, v2.revision + 1, "  ", ORIGIN), "INVALID", "agreement.errors.commentRequired");
    await requestVersionChanges(w.clientAdmin, w.campaign.id, "persona", v2.id, v2.revision + 1, "Add Belgium", ORIGIN);
    const sentBack = await version(v2.id);
    expect(sentBack.status).toBe("CHANGES_REQUESTED");
    expect((await listVersionComments(w.am, w.campaign.id, "persona", v2.id)).map((c) => c.body)).toEqual(["Add Belgium"]);
    expect((await version(v1.id)).status).toBe("APPROVED");
    // The agency's home lists it, with the client's comment; another agency never sees it.
    const owed = await sentBackVersions(w.am);
    expect(owed.map((v) => [v.versionId, v.kind, v.number, v.comment])).toEqual([[v2.id, "persona", 2, "Add Belgium"]]);
    expect(owed[0].href).toBe(`/campaigns/${w.campaign.id}/targeting/${first.personaId}?v=${v2.id}`);
    expect(await sentBackVersions((await createAgencyWithClient()).admin)).toEqual([]);

    const v3 = await savePersonaDraft(w.am, w.campaign.id, first.personaId, personaInput({ geographies: ["Île-de-France", "Belgium"], baseVersionId: v2.id, revision: sentBack.revision }));
    expect(v3.number).toBe(3);
    // A draft in progress still owes the client an answer; proposing it answers.
    expect((await sentBackVersions(w.am)).map((v) => v.versionId)).toEqual([v2.id]);
    await proposeVersion(w.am, w.campaign.id, "persona", v3.id, v3.revision, ORIGIN);
    expect(await sentBackVersions(w.am)).toEqual([]);
    await approveVersion(w.clientAdmin, w.campaign.id, "persona", v3.id, v3.revision + 1, "", ORIGIN);
    expect((await version(v3.id)).status).toBe("APPROVED");
    expect((await version(v1.id)).status).toBe("SUPERSEDED");
    expect((await version(v2.id)).status).toBe("CHANGES_REQUESTED");
  });

  it("refuses every transition that does not exist", async () => {
    const w = await createAgencyWithClient();
    const { version: v1 } = await createPersona(w.am, w.campaign.id, personaInput());
    // A draft cannot be decided; the client does not even see it.
    await expectCode(approveVersion(w.clientAdmin, w.campaign.id, "persona", v1.id, 0, "", ORIGIN), "NOT_FOUND");
    await proposeVersion(w.am, w.campaign.id, "persona", v1.id, 0, ORIGIN);
    // Proposed twice.
    await expectCode(proposeVersion(w.am, w.campaign.id, "persona", v1.id, 1, ORIGIN), "CONFLICT", "agreement.errors.notDraft");
    await approveVersion(w.clientAdmin, w.campaign.id, "persona", v1.id, 1, "", ORIGIN);
    // Approved twice, sent back after approval, proposed after approval.
    await expectCode(approveVersion(w.clientAdmin, w.campaign.id, "persona", v1.id, 2, "", ORIGIN), "CONFLICT", "agreement.errors.notProposed");
    await expectCode(requestVersionChanges(w.clientAdmin, w.campaign.id, "persona", v1.id, 2, "No", ORIGIN), "CONFLICT", "agreement.errors.notProposed");
    await expectCode(proposeVersion(w.am, w.campaign.id, "persona", v1.id, 2, ORIGIN), "CONFLICT", "agreement.errors.notDraft");
  });

  it("lets only the roles of the matrix draft, propose, decide and comment", async () => {
    const w = await createAgencyWithClient();
    const { versionId } = await proposedPersona(w.am, w.campaign.id);
    await expectCode(createPersona(w.sdr, w.campaign.id, personaInput()), "FORBIDDEN");
    await expectCode(createPersona(w.clientAdmin, w.campaign.id, personaInput()), "FORBIDDEN");
    await expectCode(approveVersion(w.clientMember, w.campaign.id, "persona", versionId, 1, "", ORIGIN), "FORBIDDEN");
    await expectCode(approveVersion(w.am, w.campaign.id, "persona", versionId, 1, "", ORIGIN), "FORBIDDEN");
    await expectCode(approveVersion(w.admin, w.campaign.id, "persona", versionId, 1, "", ORIGIN), "FORBIDDEN");
    await expectCode(requestVersionChanges(w.sdr, w.campaign.id, "persona", versionId, 1, "x", ORIGIN), "FORBIDDEN");
    // Everyone who sees the version may comment.
    for (const who of [w.admin, w.am, w.sdr, w.clientAdmin, w.clientMember]) await addVersionComment(who, w.campaign.id, "persona", versionId, `from ${who.role}`);
    expect(await prisma.versionComment.count({ where: { personaVersionId: versionId } })).toBe(5);
    // The SDR not on the campaign does not see it.
    await expectCode(addVersionComment(w.otherSdr, w.campaign.id, "persona", versionId, "hi"), "NOT_FOUND");
  });

  it("never lets a client of another company, or another agency, read or decide a version", async () => {
    const w = await createAgencyWithClient();
    const other = await createAgencyWithClient();
    const { personaId, versionId } = await proposedPersona(w.am, w.campaign.id);
    const sameAgencyOtherClient = await createMember(w.agency.id, "CLIENT_ADMIN", { clientCompanyId: (await prisma.clientCompany.create({ data: { agencyId: w.agency.id, name: "Other Co" } })).id });
    for (const stranger of [other.clientAdmin, sameAgencyOtherClient, other.admin]) {
      await expectCode(getPersona(stranger, w.campaign.id, personaId), "NOT_FOUND");
      await expectCode(approveVersion(stranger, w.campaign.id, "persona", versionId, 1, "", ORIGIN), stranger.role === "AGENCY_ADMIN" ? "FORBIDDEN" : "NOT_FOUND");
      // Even with its own campaign id in the path, the version stays out of reach.
      await expectCode(approveVersion(stranger, other.campaign.id, "persona", versionId, 1, "", ORIGIN), stranger.role === "AGENCY_ADMIN" ? "FORBIDDEN" : "NOT_FOUND");
    }
    expect((await version(versionId)).status).toBe("PROPOSED");
  });
});

describe("concurrent changes", () => {
  it("refuses the AM's edit of a version the client approved meanwhile, and keeps the approval", async () => {
    const w = await createAgencyWithClient();
    const { personaId, versionId } = await proposedPersona(w.am, w.campaign.id);
    const openedAt = await version(versionId); // the AM opens the edit form (revision 1)
    await approveVersion(w.clientAdmin, w.campaign.id, "persona", versionId, openedAt.revision, "", ORIGIN);
    await expectCode(
      savePersonaDraft(w.am, w.campaign.id, personaId, personaInput({ name: "Changed", baseVersionId: versionId, revision: openedAt.revision })),
      "CONFLICT",
      "common.errors.conflict",
    );
    expect((await version(versionId)).status).toBe("APPROVED");
    expect(await prisma.personaVersion.count({ where: { personaId } })).toBe(1);
  });

  it("refuses the client's approval of a version the AM withdrew meanwhile by proposing a newer one", async () => {
    const w = await createAgencyWithClient();
    const { personaId, versionId } = await proposedPersona(w.am, w.campaign.id);
    const seenByClient = await version(versionId);
    const v2 = await savePersonaDraft(w.am, w.campaign.id, personaId, personaInput({ name: "Better", baseVersionId: versionId, revision: seenByClient.revision }));
    await proposeVersion(w.am, w.campaign.id, "persona", v2.id, v2.revision, ORIGIN);
    expect((await version(versionId)).status).toBe("SUPERSEDED");
    await expectCode(approveVersion(w.clientAdmin, w.campaign.id, "persona", versionId, seenByClient.revision, "", ORIGIN), "CONFLICT");
  });

  it("refuses a second save of a draft from a stale form", async () => {
    const w = await createAgencyWithClient();
    const { persona, version: v1 } = await createPersona(w.am, w.campaign.id, personaInput());
    await savePersonaDraft(w.am, w.campaign.id, persona.id, personaInput({ name: "First editor", baseVersionId: v1.id, revision: 0 }));
    await expectCode(savePersonaDraft(w.admin, w.campaign.id, persona.id, personaInput({ name: "Second editor", baseVersionId: v1.id, revision: 0 })), "CONFLICT");
    expect((await version(v1.id)).name).toBe("First editor");
  });

  it("refuses to start a second draft next to an existing one", async () => {
    const w = await createAgencyWithClient();
    const a = await approvedAgreement(w.am, w.clientAdmin, w.campaign.id);
    const v1 = await version(a.personaVersionId);
    await savePersonaDraft(w.am, w.campaign.id, a.personaId, personaInput({ name: "Draft A", baseVersionId: v1.id, revision: v1.revision }));
    await expectCode(
      savePersonaDraft(w.am, w.campaign.id, a.personaId, personaInput({ name: "Draft B", baseVersionId: v1.id, revision: v1.revision })),
      "CONFLICT",
      "agreement.errors.draftExists",
    );
  });
});

describe("approved versions never change", () => {
  it("are refused by the database itself, content and criteria alike", async () => {
    const w = await createAgencyWithClient();
    const a = await approvedAgreement(w.am, w.clientAdmin, w.campaign.id);
    await expect(prisma.personaVersion.update({ where: { id: a.personaVersionId }, data: { name: "Tampered" } })).rejects.toThrow(/cannot change/);
    await expect(prisma.personaVersion.update({ where: { id: a.personaVersionId }, data: { status: "DRAFT" } })).rejects.toThrow(/cannot go from APPROVED to DRAFT/);
    await expect(prisma.definitionVersion.update({ where: { id: a.definitionVersionId }, data: { disputeWindowDays: 30 } })).rejects.toThrow(/cannot change/);
    await expect(prisma.definitionCriterion.updateMany({ where: { versionId: a.definitionVersionId }, data: { required: false } })).rejects.toThrow(/cannot change/);
    await expect(prisma.definitionCriterion.create({ data: { versionId: a.definitionVersionId, key: "extra", label: "Extra", position: 9 } })).rejects.toThrow(/cannot change/);
    await expect(prisma.definitionCriterion.deleteMany({ where: { versionId: a.definitionVersionId } })).rejects.toThrow(/cannot change/);
    expect((await version(a.personaVersionId)).name).toBe(personaInput().name);
  });
});

describe("qualified-meeting definition", () => {
  it("keeps each version's criteria and lets a new version change them", async () => {
    const w = await createAgencyWithClient();
    const a = await approvedAgreement(w.am, w.clientAdmin, w.campaign.id);
    const v1 = await prisma.definitionVersion.findUniqueOrThrow({ where: { id: a.definitionVersionId }, include: { criteria: true } });
    expect(v1.criteria.map((c) => c.key).sort()).toEqual(["company_size", "decision_maker", "need", "timeline"]);
    const input = definitionInput({
      baseVersionId: v1.id,
      revision: v1.revision,
      disputeWindowDays: 10,
      criteria: [...definitionInput().criteria.filter((c) => c.key !== "timeline"), { key: "", label: "Budget identified", helpText: "", required: false }],
    });
    const v2 = await saveDefinitionDraft(w.am, w.campaign.id, input);
    expect(v2.number).toBe(2);
    expect(v2.criteria.map((c) => c.key)).toEqual(["decision_maker", "company_size", "need", "budget_identified"]);
    const def = await getDefinition(w.am, w.campaign.id);
    expect(def!.versions.map((v) => [v.number, v.status, v.criteria.length])).toEqual([
      [2, "DRAFT", 4],
      [1, "APPROVED", 4],
    ]);
    expect(await getDefinition(w.clientAdmin, w.campaign.id).then((d) => d!.versions.map((v) => v.number))).toEqual([1]);
  });
});

describe("campaign activation", () => {
  it("is refused until a persona and the definition are approved, and says what is missing", async () => {
    const w = await createAgencyWithClient();
    await expectCode(setCampaignStatus(w.am, w.campaign.id, "ACTIVE"), "CONFLICT", "agreement.activation.needPersona");
    const { versionId } = await proposedPersona(w.am, w.campaign.id);
    await expectCode(setCampaignStatus(w.am, w.campaign.id, "ACTIVE"), "CONFLICT", "agreement.activation.needPersona");
    await approveVersion(w.clientAdmin, w.campaign.id, "persona", versionId, 1, "", ORIGIN);
    expect(await campaignReadiness(w.am, w.campaign.id)).toEqual({ persona: true, definition: false, ready: false });
    await expectCode(setCampaignStatus(w.am, w.campaign.id, "ACTIVE"), "CONFLICT", "agreement.activation.needDefinition");
    const def = await saveDefinitionDraft(w.am, w.campaign.id, definitionInput());
    await proposeVersion(w.am, w.campaign.id, "definition", def.id, def.revision, ORIGIN);
    await approveVersion(w.clientAdmin, w.campaign.id, "definition", def.id, def.revision + 1, "", ORIGIN);
    expect(await campaignReadiness(w.clientAdmin, w.campaign.id)).toEqual({ persona: true, definition: true, ready: true });
    await expectCode(setCampaignStatus(w.clientAdmin, w.campaign.id, "ACTIVE"), "FORBIDDEN");
    await setCampaignStatus(w.am, w.campaign.id, "ACTIVE");
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: w.campaign.id } })).status).toBe("ACTIVE");
  });
});

describe("campaign history", () => {
  it("records who proposed and who decided; clients see decisions but not the agency's drafts", async () => {
    const w = await createAgencyWithClient();
    const { versionId } = await proposedPersona(w.am, w.campaign.id);
    await requestVersionChanges(w.clientAdmin, w.campaign.id, "persona", versionId, 1, "Too broad", ORIGIN);
    const agencySide = (await campaignHistory(w.am, w.campaign.id)).map((e) => e.type);
    expect(agencySide).toEqual(expect.arrayContaining(["persona.drafted", "persona.proposed", "persona.changes_requested", "campaign.created"]));
    const clientSide = await campaignHistory(w.clientMember, w.campaign.id);
    expect(clientSide.map((e) => e.type)).toEqual(["persona.changes_requested", "persona.proposed", "campaign.created"]);
    expect(clientSide[0]).toMatchObject({ actor: { name: w.clientAdmin.name }, data: expect.objectContaining({ comment: "Too broad", version: 1 }) });
  });
});
