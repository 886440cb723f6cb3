// The authorization walk over the meeting routes: client A asking for client B's (same agency) and agency C's
// meetings, an SDR not on the campaign, client roles on agency-only actions, and signed-out visitors. Over HTTP with
// real session cookies; another tenant's meeting answers 404 and is never changed.
import type { APIRequestContext } from "@playwright/test";
import { createCampaign, setCampaignSdrs } from "~/models/campaign.server";
import { createClient } from "~/models/client.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { logMeeting } from "~/models/meetings/logging.server";
import type { Actor } from "~/utils/auth.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import { expect, prisma, sessionCookieHeader, test } from "./fixtures";

type Data = { a: AgencyWorld; c: AgencyWorld; campaignB: string; mA: string; mB: string; mC: string };
type Asker = "signedOut" | "amA" | "sdrA" | "otherSdrA" | "clientAdminA" | "clientMemberA";

async function pastMeeting(w: AgencyWorld, campaignId: string, sdr: Actor, personaVersionId: string, criteria: { id: string }[], name: string) {
  const r = await logMeeting(
    sdr,
    campaignId,
    {
      personaVersionId,
      prospectName: name,
      prospectEmail: `${name.toLowerCase().replace(/\W/g, ".")}@prospect.test`,
      prospectCompany: `${name} SA`,
      scheduledAt: new Date(Date.now() - 3600_000),
      timeZone: "Europe/Paris",
      durationMinutes: 45,
      channel: "VIDEO",
      checks: criteria.map((c) => ({ criterionId: c.id, met: true })),
    },
    new Date(Date.now() - 72 * 3600_000),
  );
  if (!r.ok) throw new Error("not logged");
  return r.meetingId;
}

let data: Data;
test.beforeAll(async () => {
  const a = await createAgencyWithClient();
  const c = await createAgencyWithClient();
  const agA = await createActiveCampaignWithAgreement(a);
  const agC = await createActiveCampaignWithAgreement(c);
  const otherAm = await createMember(a.agency.id, "ACCOUNT_MANAGER");
  const sdrB = await createMember(a.agency.id, "SDR");
  const clientB = await createClient(a.admin, { name: "Client B Industries", currency: "EUR", accountManagerId: otherAm.userId });
  const campaignB = await createCampaign(a.admin, { clientCompanyId: clientB.id, name: "Campaign B", accountManagerId: otherAm.userId });
  await setCampaignSdrs(a.admin, campaignB.id, [sdrB.userId]);
  // Campaign B's agreement goes through its own AM and its own client's admin.
  const clientBAdmin = await createMember(a.agency.id, "CLIENT_ADMIN", { clientCompanyId: clientB.id });
  const agB = await createActiveCampaignWithAgreement({ ...a, campaign: campaignB, am: otherAm, clientAdmin: clientBAdmin });
  const mA = await pastMeeting(a, a.campaign.id, a.sdr, agA.personaVersion.id, agA.criteria, "Alice Alpha");
  await changeMeetingStatus(a.am, mA, "HELD");
  await prisma.meeting.update({ where: { id: mA }, data: { internalNotes: "SECRET-INTERNAL-NOTE" } });
  const mB = await pastMeeting(a, campaignB.id, sdrB, agB.personaVersion.id, agB.criteria, "Bob Bravo");
  const mC = await pastMeeting(c, c.campaign.id, c.sdr, agC.personaVersion.id, agC.criteria, "Carol Charlie");
  await changeMeetingStatus(c.am, mC, "HELD");
  data = { a, c, campaignB: campaignB.id, mA, mB, mC };
});

const actor = (as: Asker, d: Data): Actor | null =>
  as === "signedOut" ? null : { amA: d.a.am, sdrA: d.a.sdr, otherSdrA: d.a.otherSdr, clientAdminA: d.a.clientAdmin, clientMemberA: d.a.clientMember }[as];

type Row = { as: Asker; method: "GET" | "POST"; path: (d: Data) => string; form?: Record<string, string> | ((d: Data) => Record<string, string>); expect: "login" | number[]; why: string; shows?: (d: Data) => string; hides?: string };

const A = (d: Data) => `/campaigns/${d.a.campaign.id}/meetings`;
const B = (d: Data) => `/campaigns/${d.campaignB}/meetings`;
const C = (d: Data) => `/campaigns/${d.c.campaign.id}/meetings`;
const NF = [404];
const DENIED = [403, 404];

const ROWS: Row[] = [
  ...[(d: Data) => A(d), (d: Data) => `${A(d)}/${d.mA}`, (d: Data) => `${A(d)}/new`, (d: Data) => `${A(d)}/import`, (d: Data) => `${A(d)}/export`, () => "/meetings", () => "/meetings/export"].map(
    (path): Row => ({ as: "signedOut", method: "GET", path, expect: "login", why: "signed out" }),
  ),
  { as: "signedOut", method: "POST", path: (d) => `${A(d)}/${d.mA}`, form: { intent: "accept" }, expect: "login", why: "signed-out accept" },
  // Issue 9: the import's template and error file.
  { as: "signedOut", method: "GET", path: (d) => `${A(d)}/import/template`, expect: "login", why: "signed-out import template" },
  { as: "signedOut", method: "GET", path: (d) => `${A(d)}/import/errors?job=x`, expect: "login", why: "signed-out import errors" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/import/template`, expect: [403], why: "clients do not import: template" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/import/errors?job=x`, expect: [403], why: "clients do not import: error file" },
  { as: "otherSdrA", method: "GET", path: (d) => `${A(d)}/import/template`, expect: NF, why: "unassigned SDR: import template" },
  { as: "amA", method: "GET", path: (d) => `${B(d)}/import/errors?job=x`, expect: NF, why: "AM: import errors on another AM's client" },
  { as: "signedOut", method: "GET", path: (d) => `${A(d)}/duplicates?email=alice.alpha@prospect.test`, expect: "login", why: "signed-out duplicate check" },
  // The duplicate check the log form runs while the email is typed.
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/duplicates?email=alice.alpha@prospect.test`, expect: [403], why: "clients do not log meetings: duplicate check" },
  { as: "otherSdrA", method: "GET", path: (d) => `${A(d)}/duplicates?email=alice.alpha@prospect.test`, expect: NF, why: "unassigned SDR: duplicate check" },
  { as: "amA", method: "GET", path: (d) => `${B(d)}/duplicates?email=bob.bravo@prospect.test`, expect: NF, why: "AM: duplicate check on another AM's client" },
  { as: "amA", method: "GET", path: (d) => `${A(d)}/duplicates?email=carol.charlie@prospect.test`, expect: [200], why: "AM: another agency's prospect is not a duplicate here", hides: "Carol Charlie" },
  { as: "sdrA", method: "GET", path: (d) => `${A(d)}/duplicates?email=Alice.Alpha@prospect.test`, expect: [200], why: "assigned SDR: duplicate found (control)", shows: () => "Alice Alpha" },
  { as: "signedOut", method: "GET", path: () => "/calendar/not-a-real-token-not-a-real-token.ics", expect: NF, why: "unknown calendar token" },

  // Client admin of company A.
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/${d.mA}`, expect: [200], why: "own meeting (control)", shows: () => "Alice Alpha", hides: "SECRET-INTERNAL-NOTE" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/export`, expect: [200], why: "own export (control)", shows: () => "Alice Alpha", hides: "SECRET-INTERNAL-NOTE" },
  { as: "clientAdminA", method: "GET", path: B, expect: NF, why: "company B's meetings" },
  { as: "clientAdminA", method: "GET", path: (d) => `${B(d)}/${d.mB}`, expect: NF, why: "company B's meeting" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/${d.mB}`, expect: NF, why: "company B's meeting under own campaign's path" },
  { as: "clientAdminA", method: "GET", path: (d) => `${C(d)}/${d.mC}`, expect: NF, why: "agency C's meeting" },
  { as: "clientAdminA", method: "GET", path: (d) => `${B(d)}/export`, expect: NF, why: "company B's export" },
  { as: "clientAdminA", method: "GET", path: () => "/meetings", expect: [403], why: "cross-campaign list is agency only" },
  { as: "clientAdminA", method: "GET", path: () => "/meetings/export", expect: [403], why: "cross-campaign export is agency only" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/new`, expect: [403], why: "clients do not log meetings" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/import`, expect: [403], why: "clients do not import" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/${d.mB}`, form: { intent: "status", action: "CANCELLED" }, expect: NF, why: "cancel company B's meeting" },
  { as: "clientAdminA", method: "POST", path: (d) => `${C(d)}/${d.mC}`, form: { intent: "accept" }, expect: NF, why: "accept agency C's meeting" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/${d.mA}`, form: { intent: "resolve", decision: "DISPUTE_UPHELD", reasoning: "x" }, expect: [403], why: "resolve a dispute" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/${d.mA}`, form: { intent: "notes", internalNotes: "x" }, expect: [403], why: "agency-internal notes" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/${d.mA}`, form: { intent: "edit", prospectName: "Hijacked", prospectEmail: "h@x.test", prospectCompany: "H", durationMinutes: "30", channel: "VIDEO" }, expect: [403], why: "client editing the logged meeting" },
  { as: "otherSdrA", method: "POST", path: (d) => `${A(d)}/${d.mA}`, form: { intent: "edit", prospectName: "Hijacked", prospectEmail: "h@x.test", prospectCompany: "H", durationMinutes: "30", channel: "VIDEO" }, expect: NF, why: "unassigned SDR editing" },
  { as: "amA", method: "POST", path: (d) => `${B(d)}/${d.mB}`, form: { intent: "edit", prospectName: "Hijacked", prospectEmail: "h@x.test", prospectCompany: "H", durationMinutes: "30", channel: "VIDEO" }, expect: NF, why: "AM editing another AM's client meeting" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/${d.mA}`, form: { intent: "comment", body: "x", internal: "on" }, expect: [403], why: "internal comment" },
  { as: "clientAdminA", method: "POST", path: B, form: { intent: "bulk", action: "CANCELLED", ids: "" }, expect: NF, why: "bulk on company B's campaign" },

  // Client member: rates but neither accepts nor disputes.
  { as: "clientMemberA", method: "POST", path: (d) => `${A(d)}/${d.mA}`, form: { intent: "accept" }, expect: [403], why: "member accepting" },
  { as: "clientMemberA", method: "POST", path: (d) => `${A(d)}/${d.mA}`, form: { intent: "rate", ratingOverall: "9" }, expect: [400], why: "rating out of range", shows: () => "Ratings go from 1 to 5." },
  { as: "clientMemberA", method: "GET", path: (d) => `${B(d)}/${d.mB}`, expect: NF, why: "member: company B's meeting" },

  // An SDR of the agency who is not on the campaign; the assigned SDR.
  { as: "otherSdrA", method: "GET", path: A, expect: NF, why: "unassigned SDR: campaign meetings" },
  { as: "otherSdrA", method: "GET", path: (d) => `${A(d)}/${d.mA}`, expect: NF, why: "unassigned SDR: meeting" },
  { as: "otherSdrA", method: "GET", path: (d) => `${A(d)}/new`, expect: NF, why: "unassigned SDR: log form" },
  { as: "otherSdrA", method: "GET", path: (d) => `${A(d)}/import`, expect: NF, why: "unassigned SDR: import" },
  { as: "otherSdrA", method: "GET", path: (d) => `${A(d)}/export`, expect: NF, why: "unassigned SDR: export" },
  { as: "otherSdrA", method: "POST", path: (d) => `${A(d)}/${d.mA}`, form: { intent: "status", action: "NO_SHOW" }, expect: NF, why: "unassigned SDR: status" },
  { as: "otherSdrA", method: "POST", path: (d) => `${A(d)}/new`, form: { prospectName: "x" }, expect: NF, why: "unassigned SDR: log" },
  { as: "sdrA", method: "GET", path: (d) => `${A(d)}/${d.mA}`, expect: [200], why: "assigned SDR (control)", shows: () => "SECRET-INTERNAL-NOTE" },
  { as: "sdrA", method: "GET", path: (d) => `${B(d)}/${d.mB}`, expect: NF, why: "assigned SDR: another campaign's meeting" },
  { as: "sdrA", method: "POST", path: (d) => `${A(d)}/${d.mA}`, form: { intent: "dispute" }, expect: [403], why: "SDR disputing" },

  // Account manager of client A (not of client B).
  { as: "amA", method: "GET", path: () => "/meetings", expect: [200], why: "AM's cross-campaign list (control)", shows: () => "Alice Alpha", hides: "Bob Bravo" },
  { as: "amA", method: "GET", path: (d) => `${B(d)}/${d.mB}`, expect: NF, why: "AM: another AM's client meeting" },
  { as: "amA", method: "GET", path: (d) => `${C(d)}/${d.mC}`, expect: NF, why: "AM: agency C's meeting" },
  { as: "amA", method: "POST", path: () => "/meetings", form: (d) => ({ action: "CANCELLED", ids: d.mB }), expect: [200], why: "AM: bulk-cancel another AM's client meeting (refused, unchanged)", shows: () => "Not changed" },
  { as: "clientAdminA", method: "POST", path: () => "/meetings", form: (d) => ({ action: "CANCELLED", ids: d.mA }), expect: [403], why: "client: cross-campaign bulk" },
  { as: "otherSdrA", method: "POST", path: () => "/meetings", form: (d) => ({ action: "CANCELLED", ids: d.mA }), expect: [200], why: "unassigned SDR: bulk-cancel (refused, unchanged)", shows: () => "Not changed" },
  { as: "amA", method: "POST", path: (d) => `${C(d)}/${d.mC}`, form: { intent: "resolve", decision: "DISPUTE_UPHELD", reasoning: "x" }, expect: NF, why: "AM: resolve agency C's" },
];

async function ask(row: Row, request: APIRequestContext) {
  const who = actor(row.as, data);
  const headers: Record<string, string> = who ? { Cookie: await sessionCookieHeader(who) } : {};
  const url = row.path(data);
  return row.method === "GET" ? request.get(url, { headers, maxRedirects: 0 }) : request.post(url, { headers, form: (typeof row.form === "function" ? row.form(data) : row.form) ?? {}, maxRedirects: 0 });
}

test("the meeting routes answer every outsider with sign-in, 403 or 404, and never change their data", async ({ request }) => {
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
    if (status === 404) for (const secret of ["Bob Bravo", "Carol Charlie"]) if (body.includes(secret)) failures.push(`${label}, leaked ${secret}`);
  }
  expect(failures).toEqual([]);
  const [b, c] = await Promise.all([prisma.meeting.findUniqueOrThrow({ where: { id: data.mB } }), prisma.meeting.findUniqueOrThrow({ where: { id: data.mC } })]);
  const aM = await prisma.meeting.findUniqueOrThrow({ where: { id: data.mA } });
  expect([b.status, b.verdict, c.status, c.verdict, aM.status]).toEqual(["SCHEDULED", "PENDING", "HELD", "PENDING", "HELD"]);
  // Counted in this test's agencies only: other spec files (the accessibility audit's demo meetings) share the database.
  expect(await prisma.meetingComment.count({ where: { meeting: { agencyId: { in: [data.a.agency.id, data.c.agency.id] } } } })).toBe(0);
  expect(await prisma.meeting.count({ where: { prospectName: "Hijacked" } })).toBe(0);
});
