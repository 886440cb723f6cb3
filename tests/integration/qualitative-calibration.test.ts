// The calibration page and the template library through their real loaders and actions: the mapping set once per
// campaign, only meetings rated on both sides counted, per-SDR figures never in a client's loader data; templates
// for the agency's managers only, errors next to fields, another agency's template a 404.
import { loader as calLoader, action as calAction } from "~/routes/_app+/campaigns+/$campaignId+/calibration";
import { loader as listLoader } from "~/routes/_app+/settings+/templates._index";
import { action as newAction } from "~/routes/_app+/settings+/templates.new";
import { loader as editLoader, action as editAction } from "~/routes/_app+/settings+/templates.$templateId";
import { createSession, sessionCookie, type Actor } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { logMeeting, type MeetingInput } from "~/models/meetings/logging.server";
import { setCampaignSdrs } from "~/models/campaign.server";
import { todayIn } from "~/domain/objectives/dates";
import { createQualitativeObjective, recordAssessment } from "~/models/qualitative/qualitative.server";
import { listTemplatesFor, templateRowId } from "~/models/qualitative/templates.server";
import { builtInTemplate } from "~/domain/qualitative/templates";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember } from "../factories";

const HOUR = 3600_000;
async function req(actor: Actor, path: string, body?: Record<string, string>) {
  const s = await createSession(actor.userId);
  const headers = { Cookie: await sessionCookie.serialize(s.id) };
  return body ? new Request(`http://test${path}`, { method: "POST", body: new URLSearchParams(body), headers }) : new Request(`http://test${path}`, { headers });
}
async function status(p: Promise<unknown>) {
  try {
    const r = await p;
    return r instanceof Response ? r.status : 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}
const json = async (p: Promise<unknown>) => ((await p) as Response).json();

describe("calibration page", () => {
  it("the AM sets the mapping once; only meetings rated by both count; per-SDR figures never reach a client", async () => {
    const w = await createAgencyWithClient();
    const a = await createActiveCampaignWithAgreement(w);
    const sdr2 = await createMember(w.agency.id, "SDR");
    await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId, sdr2.userId]);
    const other = await createAgencyWithClient();
    const tpl = builtInTemplate("qualify_need")!;
    const o = await createQualitativeObjective(w.am, w.campaign.id, {
      ...tpl.en, stake: "GROWTH", ritual: tpl.ritual, cadence: tpl.cadence, sdrId: null, startsOn: todayIn("Europe/Paris"),
      templateId: await templateRowId(w.am, `builtin:${tpl.key}`, "en"),
    });
    const params = { campaignId: w.campaign.id };
    const path = `/campaigns/${w.campaign.id}/calibration`;
    // Bad input: a criterion of no grid of this campaign, next to its field; the same criterion twice.
    const bad = (await calAction({ request: await req(w.am, path, { real_need: "nope:x" }), params, context: {} })) as Response;
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual({ real_need: ["qual.calibration.errors.mapping"] });
    const twice = (await calAction({ request: await req(w.am, path, { real_need: `${o.id}:real_need`, briefing: `${o.id}:real_need` }), params, context: {} })) as Response;
    expect((await twice.json()).errors).toEqual({ briefing: ["qual.calibration.errors.duplicate"] });
    for (const actor of [w.clientAdmin, w.clientMember, w.sdr]) {
      expect(await status(calAction({ request: await req(actor, path, { real_need: `${o.id}:real_need` }), params, context: {} }))).toBe(403);
    }
    expect(await status(calAction({ request: await req(other.am, path, { real_need: `${o.id}:real_need` }), params, context: {} }))).toBe(404);
    const ok = await calAction({ request: await req(w.am, path, { real_need: `${o.id}:real_need`, decision_power: `${o.id}:decision_power` }), params, context: {} });
    expect(await status(Promise.resolve(ok))).toBe(302);

    const meeting = (): MeetingInput => ({
      personaVersionId: a.personaVersion.id, prospectName: "P", prospectEmail: `p.${Math.random().toString(36).slice(2)}@acme.test`, prospectCompany: "Acme",
      scheduledAt: new Date(Date.now() + 48 * HOUR), timeZone: "Europe/Paris", durationMinutes: 45, channel: "VIDEO", checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
    });
    const logged = async (actor: Actor) => {
      const r = await logMeeting(actor, w.campaign.id, meeting());
      if (!r.ok) throw new Error("not logged");
      return r.meetingId;
    };
    const [m1, m2, m3] = [await logged(w.sdr), await logged(w.sdr), await logged(sdr2)];
    await prisma.meeting.update({ where: { id: m1 }, data: { ratingRealNeed: 1, ratingDecisionPower: 5, ratedAt: new Date() } });
    await prisma.meeting.update({ where: { id: m3 }, data: { ratingRealNeed: 5, ratedAt: new Date() } });
    const review = (sdrId: string, meetingIds: string[], real_need: string) => ({
      sdrId, kind: "MANAGER" as const, ritual: "CALL_REVIEW" as const, day: todayIn("Europe/Paris"), meetingIds,
      levels: { persona_fit: "acquired", decision_power: "exemplary", real_need },
    });
    await recordAssessment(w.am, o.id, review(w.sdr.userId, [m1], "acquired"));
    await recordAssessment(w.am, o.id, review(w.sdr.userId, [m2], "not_observed"));
    await recordAssessment(w.am, o.id, review(sdr2.userId, [], "not_observed"));

    const am = await json(calLoader({ request: await req(w.am, path), params, context: {} }));
    expect(am.team.map((r: { client: string; meetings: number; distance: number }) => [r.client, r.meetings, r.distance])).toEqual([
      ["decision_power", 1, 0],
      ["real_need", 1, 2], // acquired (2) against 1 star (0)
    ]);
    expect(am.months).toHaveLength(1);
    expect(am.bySdr.map((s: { sdrId: string }) => s.sdrId)).toEqual([w.sdr.userId]);
    expect(am.mapping).toEqual({ real_need: `${o.id}:real_need`, decision_power: `${o.id}:decision_power` });

    const sdrNames = await prisma.user.findMany({ where: { id: { in: [w.sdr.userId, sdr2.userId] } }, select: { name: true } });
    for (const actor of [w.clientAdmin, w.clientMember]) {
      const data = await json(calLoader({ request: await req(actor, path), params, context: {} }));
      expect(data.team.map((r: { meetings: number }) => r.meetings)).toEqual([1, 1]);
      expect(data.bySdr).toBeNull();
      expect(data.options).toEqual([]);
      const text = JSON.stringify(data);
      for (const id of [w.sdr.userId, sdr2.userId, m1, m2, m3]) expect(text).not.toContain(id);
      for (const u of sdrNames) expect(text).not.toContain(u.name);
    }
    for (const actor of [other.am, other.clientAdmin, other.sdr]) expect(await status(calLoader({ request: await req(actor, path), params, context: {} }))).toBe(404);
  }, 90_000);
});

describe("template library", () => {
  const good = {
    locale: "fr", title: "Relances utiles", need: "Retour client", verb: "Structurer chaque relance", behaviours: "Une valeur par relance\nUne demande claire",
    ritual: "PEER_FEEDBACK", cadence: "BIWEEKLY", "criteria.0.label": "Valeur", "criteria.0.not_observed": "Aucune", "criteria.0.emerging": "Parfois",
    "criteria.0.acquired": "Souvent", "criteria.0.exemplary": "Toujours",
  };

  it("the admin and the AM list and add templates, errors next to fields; clients and SDRs cannot; another agency's is a 404", async () => {
    const w = await createAgencyWithClient();
    const other = await createAgencyWithClient();
    for (const actor of [w.admin, w.am]) expect(await status(listLoader({ request: await req(actor, "/settings/templates"), params: {}, context: {} }))).toBe(200);
    for (const actor of [w.sdr, w.clientAdmin, w.clientMember]) expect(await status(listLoader({ request: await req(actor, "/settings/templates"), params: {}, context: {} }))).toBe(403);
    const bad = (await newAction({ request: await req(w.am, "/settings/templates/new", { ...good, title: "", "criteria.0.acquired": "" }), params: {}, context: {} })) as Response;
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.errors).toMatchObject({ title: ["qual.templates.errors.title"], "criteria.0.acquired": ["qual.templates.errors.level"] });
    expect(body.values.need).toBe("Retour client");
    expect(await status(newAction({ request: await req(w.am, "/settings/templates/new", good), params: {}, context: {} }))).toBe(302);
    const own = (await listTemplatesFor(w.am, "en")).filter((x) => !x.builtIn);
    expect(own).toMatchObject([{ title: "Relances utiles", locale: "fr", behaviours: ["Une valeur par relance", "Une demande claire"], grid: { criteria: [{ key: "valeur" }] } }]);
    expect((await listTemplatesFor(w.am, "fr")).filter((x) => x.builtIn).length).toBeGreaterThanOrEqual(5);
    const params = { templateId: own[0]!.id };
    expect(await status(editLoader({ request: await req(w.admin, "/"), params, context: {} }))).toBe(200);
    expect(await status(editAction({ request: await req(w.admin, "/", { ...good, title: "Relances à valeur" }), params, context: {} }))).toBe(302);
    expect((await prisma.qualTemplate.findUnique({ where: { id: own[0]!.id } }))?.title).toBe("Relances à valeur");
    for (const actor of [other.am, other.admin]) {
      expect(await status(editLoader({ request: await req(actor, "/"), params, context: {} }))).toBe(404);
      expect(await status(editAction({ request: await req(actor, "/", good), params, context: {} }))).toBe(404);
    }
    expect(await status(editLoader({ request: await req(w.am, "/"), params: { templateId: "builtin:active_listening" }, context: {} }))).toBe(404);
    // A built-in template used for an objective gets a row once, shared by every use.
    expect(await templateRowId(w.am, "builtin:active_listening", "fr")).toBe(await templateRowId(other.am, "builtin:active_listening", "fr"));
    await expect(templateRowId(other.am, own[0]!.id, "fr")).rejects.toMatchObject({ code: "NOT_FOUND" });
  }, 60_000);
});
