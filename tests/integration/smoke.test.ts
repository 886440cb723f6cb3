import { prisma } from "~/utils/db.server";
import { createAgencyWithClient } from "../factories";
import { listCampaigns } from "~/models/campaign.server";

describe("factories", () => {
  it("builds an agency world through the domain functions", async () => {
    const w = await createAgencyWithClient();
    expect(await prisma.campaign.count()).toBe(1);
    const seen = await listCampaigns(w.sdr);
    expect(seen.map((c) => c.id)).toEqual([w.campaign.id]);
    expect(await listCampaigns(w.otherSdr)).toEqual([]);
  });
});
