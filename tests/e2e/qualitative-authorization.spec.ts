// The authorization walk over the routes of issue 11 built here: the template library (/settings/templates...) and the
// campaign's calibration. Clients and SDRs never reach the templates; another agency's template is a 404; the
// calibration of another company's or agency's campaign is a 404, its mapping agency managers' only; a client never
// reads a per-SDR figure. Over HTTP with real session cookies.
import type { APIRequestContext } from "@playwright/test";
import { createCampaign } from "~/models/campaign.server";
import { createClient } from "~/models/client.server";
import { saveAgencyTemplate } from "~/models/qualitative/templates.server";
import { createQualitativeObjective } from "~/models/qualitative/qualitative.server";
import { todayIn } from "~/domain/objectives/dates";
import type { Actor } from "~/utils/auth.server";
import { createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import { expect, prisma, sessionCookieHeader, test } from "./fixtures";

type Data = { a: AgencyWorld; c: AgencyWorld; campaignB: string; tplA: string; tplC: string; objA: string };
type Asker = "signedOut" | "amA" | "sdrA" | "otherSdrA" | "clientAdminA" | "clientMemberA" | "amC";

const levels = { not_observed: "a", emerging: "b", acquired: "c", exemplary: "d" };
const form = (title: string) => ({ locale: "en" as const, title, need: "Need", verb: "Clarify", behaviours: "", ritual: "CALL_REVIEW" as const, cadence: "WEEKLY" as const, criteria: [{ label: "Crit", ...levels }] });
const post = { locale: "en", title: "HIJACK", need: "n", verb: "v", ritual: "CALL_REVIEW", cadence: "WEEKLY", "criteria.0.label": "x", "criteria.0.not_observed": "a", "criteria.0.emerging": "b", "criteria.0.acquired": "c", "criteria.0.exemplary": "d" };

let data: Data;
test.beforeAll(async () => {
  const a = await createAgencyWithClient();
  const c = await createAgencyWithClient();
  const otherAm = await createMember(a.agency.id, "ACCOUNT_MANAGER");
  const clientB = await createClient(a.admin, { name: "Client B Industries", currency: "EUR", accountManagerId: otherAm.userId });
  const campaignB = await createCampaign(a.admin, { clientCompanyId: clientB.id, name: "Campaign B", accountManagerId: otherAm.userId });
  const tplA = await saveAgencyTemplate(a.am, null, form("TEMPLATE-OF-A"));
  const tplC = await saveAgencyTemplate(c.am, null, form("TEMPLATE-OF-C"));
  const objA = await createQualitativeObjective(a.am, a.campaign.id, {
    title: "OVA-A", need: "n", verb: "Clarify", behaviours: [], stake: "GROWTH", ritual: "CALL_REVIEW", cadence: "WEEKLY", sdrId: null, startsOn: todayIn("Europe/Paris"),
    grid: { criteria: [{ key: "crit", label: "AGENCY-CRITERION-A", levels }] },
  });
  data = { a, c, campaignB: campaignB.id, tplA: tplA.id, tplC: tplC.id, objA: objA.id };
});

const actor = (as: Asker, d: Data): Actor | null =>
  as === "signedOut" ? null : { amA: d.a.am, sdrA: d.a.sdr, otherSdrA: d.a.otherSdr, clientAdminA: d.a.clientAdmin, clientMemberA: d.a.clientMember, amC: d.c.am }[as];

type Row = { as: Asker; method: "GET" | "POST"; path: (d: Data) => string; form?: (d: Data) => Record<string, string>; expect: "login" | number[]; why: string; shows?: string; hides?: string };
const A = (d: Data) => `/campaigns/${d.a.campaign.id}/calibration`;
const B = (d: Data) => `/campaigns/${d.campaignB}/calibration`;
const C = (d: Data) => `/campaigns/${d.c.campaign.id}/calibration`;
const NF = [404];
const mapping = (d: Data) => ({ real_need: `${d.objA}:crit` });

const ROWS: Row[] = [
  ...[() => "/settings/templates", () => "/settings/templates/new", (d: Data) => `/settings/templates/${d.tplA}`, A].map(
    (path): Row => ({ as: "signedOut", method: "GET", path, expect: "login", why: "signed out" }),
  ),
  { as: "signedOut", method: "POST", path: () => "/settings/templates/new", form: () => post, expect: "login", why: "signed-out new template" },
  { as: "signedOut", method: "POST", path: A, form: mapping, expect: "login", why: "signed-out mapping" },

  // Templates: agency managers only; another agency's template is a 404.
  { as: "amA", method: "GET", path: () => "/settings/templates", expect: [200], why: "AM: templates (control)", shows: "TEMPLATE-OF-A", hides: "TEMPLATE-OF-C" },
  { as: "amA", method: "GET", path: (d) => `/settings/templates/${d.tplA}`, expect: [200], why: "AM: own agency's template (control)", shows: "TEMPLATE-OF-A" },
  { as: "amA", method: "GET", path: (d) => `/settings/templates/${d.tplC}`, expect: NF, why: "AM: agency C's template" },
  { as: "amA", method: "POST", path: (d) => `/settings/templates/${d.tplC}`, form: () => post, expect: NF, why: "AM: edit agency C's template" },
  { as: "amA", method: "GET", path: () => "/settings/templates/builtin:active_listening", expect: NF, why: "AM: a built-in template is not edited" },
  { as: "amC", method: "GET", path: (d) => `/settings/templates/${d.tplA}`, expect: NF, why: "agency C's AM: agency A's template" },
  ...(["sdrA", "clientAdminA", "clientMemberA"] as const).flatMap((as): Row[] => [
    { as, method: "GET", path: () => "/settings/templates", expect: [403], why: "templates are for agency managers" },
    { as, method: "GET", path: (d) => `/settings/templates/${d.tplA}`, expect: [403], why: "a template" },
    { as, method: "POST", path: () => "/settings/templates/new", form: () => post, expect: [403], why: "add a template" },
    { as, method: "POST", path: (d) => `/settings/templates/${d.tplA}`, form: () => post, expect: [403], why: "edit a template" },
  ]),

  // Calibration: the team figures for the campaign's client and SDRs; per SDR and the mapping for agency managers.
  { as: "clientAdminA", method: "GET", path: A, expect: [200], why: "client admin: own campaign's calibration (control)", shows: "Calibration with the client", hides: "Per SDR" },
  { as: "clientMemberA", method: "GET", path: A, expect: [200], why: "client member: own campaign's calibration (control)", hides: "Per SDR" },
  { as: "clientAdminA", method: "POST", path: A, form: mapping, expect: [403], why: "client admin: set the mapping" },
  { as: "clientAdminA", method: "GET", path: B, expect: NF, why: "client admin: company B's calibration" },
  { as: "clientAdminA", method: "GET", path: C, expect: NF, why: "client admin: agency C's calibration" },
  { as: "sdrA", method: "GET", path: A, expect: [200], why: "SDR: team calibration (control)", hides: "Per SDR" },
  { as: "sdrA", method: "POST", path: A, form: mapping, expect: [403], why: "SDR: set the mapping" },
  { as: "otherSdrA", method: "GET", path: A, expect: NF, why: "unassigned SDR: calibration" },
  { as: "amA", method: "GET", path: A, expect: [200], why: "AM: own campaign's calibration (control)", shows: "AGENCY-CRITERION-A" },
  { as: "amA", method: "GET", path: B, expect: NF, why: "AM: another AM's campaign" },
  { as: "amA", method: "POST", path: B, form: mapping, expect: NF, why: "AM: mapping of another AM's campaign" },
  { as: "amA", method: "POST", path: C, form: mapping, expect: NF, why: "AM: mapping of agency C's campaign" },
  { as: "amC", method: "GET", path: A, expect: NF, why: "agency C's AM: agency A's calibration" },
];

async function ask(row: Row, request: APIRequestContext) {
  const who = actor(row.as, data);
  const headers: Record<string, string> = who ? { Cookie: await sessionCookieHeader(who) } : {};
  const url = row.path(data);
  return row.method === "GET" ? request.get(url, { headers, maxRedirects: 0 }) : request.post(url, { headers, form: row.form?.(data) ?? {}, maxRedirects: 0 });
}

test("the template and calibration routes answer every outsider with sign-in, 403 or 404, and never change their data", async ({ request }) => {
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
    if (row.shows && !body.includes(row.shows)) failures.push(`${label}, should show ${row.shows}`);
    if (row.hides && body.includes(row.hides)) failures.push(`${label}, must not show ${row.hides}`);
    if (status === 404) for (const secret of ["TEMPLATE-OF-A", "TEMPLATE-OF-C", "AGENCY-CRITERION-A"]) if (body.includes(secret)) failures.push(`${label}, leaked ${secret}`);
  }
  expect(failures).toEqual([]);
  expect(await prisma.qualTemplate.count({ where: { title: "HIJACK" } })).toBe(0);
  expect(await prisma.calibrationMapping.count({ where: { campaignId: { in: [data.a.campaign.id, data.campaignB, data.c.campaign.id] } } })).toBe(0);
});
