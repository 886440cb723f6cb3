// The authorization walk over the objectives and activity routes: client A asking for company B's (same agency)
// and agency C's objectives, for the agency's per-SDR objectives and for agency-only actions; an SDR not on the
// campaign; an AM on another AM's campaign; signed-out visitors. Over HTTP with real session cookies.
import type { APIRequestContext } from "@playwright/test";
import { createCampaign, setCampaignSdrs } from "~/models/campaign.server";
import { createClient } from "~/models/client.server";
import { createObjective } from "~/models/objectives/objectives.server";
import { objectiveSchema } from "~/domain/objectives/schemas";
import { todayIn } from "~/domain/objectives/dates";
import type { Actor } from "~/utils/auth.server";
import { createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import { expect, prisma, sessionCookieHeader, test } from "./fixtures";

type Data = { a: AgencyWorld; c: AgencyWorld; sdr2: Actor; campaignB: string; oA: string; oSdrA: string; oSdr2: string; oB: string; oC: string };
type Asker = "signedOut" | "amA" | "sdrA" | "otherSdrA" | "clientAdminA" | "clientMemberA";

const input = (why: string, over: Record<string, string> = {}) =>
  objectiveSchema.parse({ metric: "MEETINGS_BOOKED", target: "20", scope: "TEAM", periodKind: "MONTH", recurring: "on", startsOn: todayIn("Europe/Paris"), stake: "GROWTH", why, ...over });

let data: Data;
test.beforeAll(async () => {
  const a = await createAgencyWithClient();
  const c = await createAgencyWithClient();
  const sdr2 = await createMember(a.agency.id, "SDR");
  await setCampaignSdrs(a.am, a.campaign.id, [a.sdr.userId, sdr2.userId]);
  const otherAm = await createMember(a.agency.id, "ACCOUNT_MANAGER");
  const clientB = await createClient(a.admin, { name: "Client B Industries", currency: "EUR", accountManagerId: otherAm.userId });
  const campaignB = await createCampaign(a.admin, { clientCompanyId: clientB.id, name: "Campaign B", accountManagerId: otherAm.userId });
  const oA = await createObjective(a.am, a.campaign.id, input("TEAM-WHY-A"));
  const oSdrA = await createObjective(a.am, a.campaign.id, input("SECRET-SDR-WHY-1", { scope: "SDR", sdrId: a.sdr.userId, metric: "DIALS", target: "400" }));
  const oSdr2 = await createObjective(a.am, a.campaign.id, input("SECRET-SDR-WHY-2", { scope: "SDR", sdrId: sdr2.userId, metric: "DIALS", target: "400" }));
  const oB = await createObjective(a.admin, campaignB.id, input("OBJECTIVE-OF-B"));
  const oC = await createObjective(c.am, c.campaign.id, input("OBJECTIVE-OF-C"));
  data = { a, c, sdr2, campaignB: campaignB.id, oA: oA.id, oSdrA: oSdrA.id, oSdr2: oSdr2.id, oB: oB.id, oC: oC.id };
});

const actor = (as: Asker, d: Data): Actor | null =>
  as === "signedOut" ? null : { amA: d.a.am, sdrA: d.a.sdr, otherSdrA: d.a.otherSdr, clientAdminA: d.a.clientAdmin, clientMemberA: d.a.clientMember }[as];

type Row = { as: Asker; method: "GET" | "POST"; path: (d: Data) => string; form?: Record<string, string> | ((d: Data) => Record<string, string>); expect: "login" | number[]; why: string; shows?: (d: Data) => string; hides?: string };

const A = (d: Data) => `/campaigns/${d.a.campaign.id}`;
const B = (d: Data) => `/campaigns/${d.campaignB}`;
const C = (d: Data) => `/campaigns/${d.c.campaign.id}`;
const NF = [404];
const DENIED = [403, 404];
const target = { intent: "target", target: "1", reason: "Taken over" };
const gap = (d: Data) => ({ intent: "gap", lever: "MESSAGE", diagnosis: "Hijack", action: "Hijack", ownerId: d.a.am.userId, dueDate: todayIn("Europe/Paris") });
const activity = () => ({ intent: "save", [`${todayIn("Europe/Paris")}.dials`]: "1999", [`${todayIn("Europe/Paris")}.present`]: "1" });
const newObjective = { metric: "DIALS", target: "5", scope: "TEAM", periodKind: "WEEK", startsOn: "2026-12-07", stake: "GROWTH" };

const ROWS: Row[] = [
  ...[
    (d: Data) => `${A(d)}/objectives`, (d: Data) => `${A(d)}/objectives/new`, (d: Data) => `${A(d)}/objectives/${d.oA}`,
    (d: Data) => `${A(d)}/objectives/${d.oA}/split`, (d: Data) => `${A(d)}/activity`,
  ].map((path): Row => ({ as: "signedOut", method: "GET", path, expect: "login", why: "signed out" })),
  { as: "signedOut", method: "POST", path: (d) => `${A(d)}/objectives/${d.oA}`, form: target, expect: "login", why: "signed-out target change" },
  { as: "signedOut", method: "POST", path: (d) => `${A(d)}/activity`, form: activity, expect: "login", why: "signed-out activity" },

  // Client admin of company A: team objectives only; nothing agency-only.
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/objectives`, expect: [200], why: "own campaign's objectives (control)", shows: () => "TEAM-WHY-A", hides: "SECRET-SDR-WHY" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/objectives/${d.oA}`, expect: [200], why: "own team objective (control)", shows: () => "TEAM-WHY-A" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/objectives/${d.oSdrA}`, expect: NF, why: "a per-SDR objective" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/objectives/${d.oB}`, expect: NF, why: "company B's objective under own campaign's path" },
  { as: "clientAdminA", method: "GET", path: (d) => `${B(d)}/objectives`, expect: NF, why: "company B's objectives" },
  { as: "clientAdminA", method: "GET", path: (d) => `${B(d)}/objectives/${d.oB}`, expect: NF, why: "company B's objective" },
  { as: "clientAdminA", method: "GET", path: (d) => `${C(d)}/objectives/${d.oC}`, expect: NF, why: "agency C's objective" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/objectives/new`, expect: [403], why: "creating objectives is agency only" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/objectives/new`, form: newObjective, expect: [403], why: "create an objective" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/objectives/${d.oA}/split`, expect: [403], why: "split" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/objectives/${d.oA}`, form: target, expect: [403], why: "change a target" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/objectives/${d.oA}`, form: gap, expect: [403], why: "record a gap analysis" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/objectives`, form: { intent: "dayOff", day: "2026-12-25" }, expect: [403], why: "add a day off" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/activity`, expect: [403], why: "activity is agency only" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/activity`, form: activity, expect: [403], why: "record activity" },
  { as: "clientMemberA", method: "GET", path: (d) => `${A(d)}/objectives`, expect: [200], why: "member: own objectives (control)", shows: () => "TEAM-WHY-A", hides: "SECRET-SDR-WHY" },
  { as: "clientMemberA", method: "GET", path: (d) => `${A(d)}/objectives/${d.oSdr2}`, expect: NF, why: "member: a per-SDR objective" },
  { as: "clientMemberA", method: "GET", path: () => "/home", expect: [200], why: "member: home (control)", hides: "SECRET-SDR-WHY" },

  // SDRs: the team's and their own; an unassigned SDR nothing.
  { as: "sdrA", method: "GET", path: (d) => `${A(d)}/objectives`, expect: [200], why: "SDR: team and own (control)", shows: () => "SECRET-SDR-WHY-1", hides: "SECRET-SDR-WHY-2" },
  { as: "sdrA", method: "GET", path: (d) => `${A(d)}/objectives/${d.oSdr2}`, expect: NF, why: "SDR: another SDR's objective" },
  { as: "sdrA", method: "GET", path: (d) => `${A(d)}/objectives/new`, expect: [403], why: "SDR: create" },
  { as: "sdrA", method: "POST", path: (d) => `${A(d)}/objectives/${d.oSdrA}`, form: target, expect: [403], why: "SDR: change own target" },
  { as: "sdrA", method: "GET", path: (d) => `${A(d)}/activity`, expect: [200], why: "SDR: own activity (control)", shows: (d) => d.a.sdr.name },
  { as: "sdrA", method: "GET", path: (d) => `${A(d)}/activity?sdr=${d.sdr2.userId}`, expect: [200], why: "SDR: another SDR's activity falls back to own", hides: "__none__" },
  { as: "sdrA", method: "POST", path: (d) => `${A(d)}/activity?sdr=${d.sdr2.userId}`, form: activity, expect: [302], why: "SDR: records for self only, whatever the query" },
  { as: "otherSdrA", method: "GET", path: (d) => `${A(d)}/objectives`, expect: NF, why: "unassigned SDR: objectives" },
  { as: "otherSdrA", method: "GET", path: (d) => `${A(d)}/objectives/${d.oA}`, expect: NF, why: "unassigned SDR: an objective" },
  { as: "otherSdrA", method: "GET", path: (d) => `${A(d)}/activity`, expect: NF, why: "unassigned SDR: activity" },
  { as: "otherSdrA", method: "POST", path: (d) => `${A(d)}/activity`, form: activity, expect: NF, why: "unassigned SDR: record activity" },

  // The AM of client A, not of client B; agency C.
  { as: "amA", method: "GET", path: (d) => `${A(d)}/objectives/${d.oA}/split`, expect: [200], why: "AM: split (control)", shows: (d) => d.sdr2.name },
  { as: "amA", method: "GET", path: (d) => `${B(d)}/objectives`, expect: NF, why: "AM: another AM's campaign" },
  { as: "amA", method: "GET", path: (d) => `${B(d)}/objectives/${d.oB}`, expect: NF, why: "AM: another AM's objective" },
  { as: "amA", method: "GET", path: (d) => `${A(d)}/objectives/${d.oB}`, expect: NF, why: "AM: another AM's objective under own campaign's path" },
  { as: "amA", method: "GET", path: (d) => `${B(d)}/objectives/${d.oB}/split`, expect: NF, why: "AM: split another AM's objective" },
  { as: "amA", method: "GET", path: (d) => `${A(d)}/objectives/${d.oB}/split`, expect: NF, why: "AM: split under own campaign's path" },
  { as: "amA", method: "GET", path: (d) => `${B(d)}/objectives/new`, expect: NF, why: "AM: new objective on another AM's campaign" },
  { as: "amA", method: "POST", path: (d) => `${B(d)}/objectives/new`, form: newObjective, expect: NF, why: "AM: create on another AM's campaign" },
  { as: "amA", method: "POST", path: (d) => `${B(d)}/objectives/${d.oB}`, form: target, expect: NF, why: "AM: change another AM's target" },
  { as: "amA", method: "POST", path: (d) => `${A(d)}/objectives/${d.oB}`, form: gap, expect: NF, why: "AM: gap analysis on another AM's objective" },
  { as: "amA", method: "POST", path: (d) => `${C(d)}/objectives/${d.oC}`, form: target, expect: NF, why: "AM: agency C's target" },
  { as: "amA", method: "POST", path: (d) => `${B(d)}/objectives`, form: { intent: "dayOff", day: "2026-12-25" }, expect: NF, why: "AM: day off on another AM's campaign" },
  { as: "amA", method: "POST", path: (d) => `${B(d)}/objectives`, form: (d) => ({ intent: "maturity", sdrId: d.a.sdr.userId, maturity: "SENIOR" }), expect: NF, why: "AM: maturity on another AM's campaign" },
  { as: "amA", method: "GET", path: (d) => `${B(d)}/activity`, expect: NF, why: "AM: another AM's campaign activity" },
  { as: "amA", method: "POST", path: (d) => `${C(d)}/activity`, form: activity, expect: NF, why: "AM: agency C's activity" },
  { as: "amA", method: "POST", path: (d) => `${A(d)}/activity?sdr=${d.a.otherSdr.userId}`, form: activity, expect: NF, why: "AM: an SDR not on the campaign (never recorded for another SDR in their place)" },
  { as: "amA", method: "GET", path: (d) => `${A(d)}/activity?sdr=${d.a.otherSdr.userId}`, expect: NF, why: "AM: the week of an SDR not on the campaign" },
];

async function ask(row: Row, request: APIRequestContext) {
  const who = actor(row.as, data);
  const headers: Record<string, string> = who ? { Cookie: await sessionCookieHeader(who) } : {};
  const url = row.path(data);
  return row.method === "GET" ? request.get(url, { headers, maxRedirects: 0 }) : request.post(url, { headers, form: (typeof row.form === "function" ? row.form(data) : row.form) ?? {}, maxRedirects: 0 });
}

test("the objectives and activity routes answer every outsider with sign-in, 403 or 404, and never change their data", async ({ request }) => {
  test.setTimeout(90_000);
  const failures: string[] = [];
  for (const row of ROWS) {
    const res = await ask(row, request);
    const status = res.status();
    const label = `${row.as} ${row.method} ${row.why}: got ${status}`;
    if (row.expect === "login") {
      if (![302, 303].includes(status) || !(res.headers()["location"] ?? "").startsWith("/login")) failures.push(`${label}, expected a redirect to /login`);
      continue;
    }
    if (!row.expect.includes(status)) failures.push(`${label}, expected ${row.expect.join(" or ")}`);
    const body = await res.text();
    if (row.shows && !body.includes(row.shows(data))) failures.push(`${label}, should show ${row.shows(data)}`);
    if (row.hides && body.includes(row.hides)) failures.push(`${label}, must not show ${row.hides}`);
    if (status === 404) for (const secret of ["OBJECTIVE-OF-B", "OBJECTIVE-OF-C", "SECRET-SDR-WHY"]) if (body.includes(secret)) failures.push(`${label}, leaked ${secret}`);
  }
  expect(failures).toEqual([]);
  const ids = [data.oA, data.oSdrA, data.oB, data.oC];
  expect(await prisma.objective.count({ where: { id: { in: ids }, target: 1 } })).toBe(0);
  expect(await prisma.objectiveTargetChange.count({ where: { objectiveId: { in: ids } } })).toBe(0);
  expect(await prisma.gapAnalysis.count({ where: { objectiveId: { in: ids } } })).toBe(0);
  expect(await prisma.objective.count({ where: { campaignId: { in: [data.campaignB, data.c.campaign.id] } } })).toBe(2);
  expect(await prisma.campaignDayOff.count({ where: { campaignId: { in: [data.campaignB, data.a.campaign.id] } } })).toBe(0);
  expect(await prisma.campaignAssignment.count({ where: { maturity: "SENIOR", campaignId: data.campaignB } })).toBe(0);
  // Only the SDR's own row (and possibly the AM's for an assigned SDR): never another SDR's, never campaign B or C.
  const rows = await prisma.activityDay.findMany({ where: { campaignId: { in: [data.a.campaign.id, data.campaignB, data.c.campaign.id] } }, select: { campaignId: true, sdrId: true } });
  expect(rows.every((r) => r.campaignId === data.a.campaign.id && r.sdrId !== data.sdr2.userId)).toBe(true);
});
