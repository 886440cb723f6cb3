// Issue 9 ("Lists: saved views per user"), on a campaign's Meetings tab: a user (agency or client) names the filters
// on screen, finds the view again on that tab only (not on another campaign's, nor on the cross-campaign list),
// opens it (a link to its filters), and deletes it; nobody else sees or deletes it.
import { action, loader } from "~/routes/_app+/campaigns+/$campaignId+/meetings+/_index";
import { loader as allLoader } from "~/routes/_app+/meetings+/_index";
import { createSession, sessionCookie, type Actor } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { createCampaign } from "~/models/campaign.server";
import { listSavedViews, saveView } from "~/models/meetings/saved-views.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, type AgencyWorld } from "../factories";

let w: AgencyWorld;
beforeEach(async () => {
  w = await createAgencyWithClient();
  await createActiveCampaignWithAgreement(w);
});

async function request(actor: Actor, path: string, form?: Record<string, string>) {
  const s = await createSession(actor.userId);
  const headers = { Cookie: await sessionCookie.serialize(s.id) };
  return form ? new Request(`http://test${path}`, { method: "POST", body: new URLSearchParams(form), headers }) : new Request(`http://test${path}`, { headers });
}
const tab = (campaignId = w.campaign.id) => `/campaigns/${campaignId}/meetings`;
async function tabViews(actor: Actor, campaignId = w.campaign.id) {
  const r = await loader({ request: await request(actor, tab(campaignId)), params: { campaignId }, context: {} });
  return ((await r.json()) as { views: { id: string; name: string; query: string }[] }).views;
}
async function post(actor: Actor, form: Record<string, string>, search = "", campaignId = w.campaign.id) {
  try {
    return await action({ request: await request(actor, `${tab(campaignId)}${search}`, form), params: { campaignId }, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

it("saves, reopens and deletes a view of the campaign's Meetings tab, scoped to the user and the campaign", async () => {
  for (const actor of [w.clientMember, w.am]) {
    // Saving: the filters on screen, normalised (the page and unknown parameters dropped), then a link to them.
    const saved = await post(actor, { intent: "saveView", name: " Disputed ", query: "verdict=DISPUTED&page=3&evil=1" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${tab()}?verdict=DISPUTED`);
    const views = await tabViews(actor);
    expect(views).toEqual([{ id: expect.any(String), name: "Disputed", query: "verdict=DISPUTED" }]);
    // The same name again replaces it.
    await post(actor, { intent: "saveView", name: "Disputed", query: "verdict=DISPUTED&status=HELD" });
    expect(await tabViews(actor)).toEqual([{ id: views[0].id, name: "Disputed", query: "status=HELD&verdict=DISPUTED" }]);
  }
  // Each user sees only their own: the SDR has none, the client member one, the AM one.
  expect(await tabViews(w.sdr)).toEqual([]);
  const memberView = (await tabViews(w.clientMember))[0];
  // Another user cannot delete it (404), the member can.
  const refused = await post(w.am, { intent: "deleteView", viewId: memberView.id });
  expect(refused.status).toBe(404);
  expect(await tabViews(w.clientMember)).toHaveLength(1);
  const deleted = await post(w.clientMember, { intent: "deleteView", viewId: memberView.id }, "?verdict=DISPUTED");
  expect(deleted.headers.get("Location")).toBe(`${tab()}?verdict=DISPUTED`);
  expect(await tabViews(w.clientMember)).toEqual([]);
});

it("keeps a campaign's views on that campaign's tab; the cross-campaign list keeps its own, under the same names", async () => {
  const other = await createCampaign(w.am, { clientCompanyId: w.client.id, name: "Second campaign" });
  await saveView(w.am, { name: "Held", query: "status=HELD&campaignId=x&clientId=y", campaignId: w.campaign.id });
  await saveView(w.am, { name: "Held", query: "status=HELD&sdrId=s1" });
  await saveView(w.am, { name: "Held", query: "status=NO_SHOW", campaignId: other.id });
  // On a campaign's tab the campaign and client are the tab's own, never stored.
  expect((await tabViews(w.am)).map((v) => v.query)).toEqual(["status=HELD"]);
  expect((await tabViews(w.am, other.id)).map((v) => v.query)).toEqual(["status=NO_SHOW"]);
  const all = await allLoader({ request: await request(w.am, "/meetings"), params: {}, context: {} });
  expect(((await all.json()) as { views: { query: string }[] }).views.map((v) => v.query)).toEqual(["status=HELD&sdrId=s1"]);
  expect(await listSavedViews(w.am)).toHaveLength(1);
  expect(await prisma.savedView.count({ where: { userId: w.am.userId } })).toBe(3);
});

it("refuses a view of a campaign the user may not see, and an empty or nameless one", async () => {
  const stranger = await createAgencyWithClient();
  await expect(saveView(stranger.clientAdmin, { name: "Mine", query: "status=HELD", campaignId: w.campaign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  const empty = await post(w.clientAdmin, { intent: "saveView", name: "All", query: "page=2" });
  expect(empty.status).toBe(400);
  const nameless = await post(w.clientAdmin, { intent: "saveView", name: "  ", query: "status=HELD" });
  expect(nameless.status).toBe(400);
  expect(await prisma.savedView.count()).toBe(0);
});
