// The campaign's history: a client reads decisions and statuses, never the agency's drafts nor anything about one SDR
// (an assessment recorded or edited, a maturity), while the agency reads them all.
import { prisma } from "~/utils/db.server";
import { audit } from "~/models/audit.server";
import { campaignHistory } from "~/models/campaign.server";
import type { AuditType } from "~/domain/shared/audit";
import { createAgencyWithClient } from "../factories";

it("hides the agency-only events from the client side", async () => {
  const w = await createAgencyWithClient();
  const target = { clientCompanyId: w.client.id, campaignId: w.campaign.id };
  await prisma.$transaction(async (tx) => {
    const individual: AuditType[] = ["qualitative.assessment_recorded", "qualitative.assessment_edited", "campaign.maturity_set", "persona.drafted"];
    for (const type of individual) await audit(tx, w.am, type, target, { sdr: w.sdr.name });
    await audit(tx, w.am, "campaign.status_changed", target, { status: "ACTIVE" });
  });
  for (const client of [w.clientAdmin, w.clientMember]) {
    const types = (await campaignHistory(client, w.campaign.id)).map((e) => e.type);
    expect(types).toContain("campaign.status_changed");
    for (const hidden of ["qualitative.assessment_recorded", "qualitative.assessment_edited", "campaign.maturity_set"]) expect(types).not.toContain(hidden);
  }
  const agency = (await campaignHistory(w.am, w.campaign.id)).map((e) => e.type);
  expect(agency).toEqual(expect.arrayContaining(["qualitative.assessment_recorded", "campaign.maturity_set", "campaign.status_changed"]));
});
