// The authorization walk over the report routes: a client reads sent reports of its own company only (a draft, or
// another company's report, is not found), composing and sending are the agency's, an SDR reads none, an AM of
// another agency finds nothing; no outsider's request changes a report.
import type { APIRequestContext } from "@playwright/test";
import type { Actor } from "~/utils/auth.server";
import { createDraft } from "~/models/reports/reports.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createAgencyWithClient, type AgencyWorld } from "../factories";
import { expect, prisma, sessionCookieHeader, test } from "./fixtures";

type Data = { a: AgencyWorld; c: AgencyWorld; dA: string; sA: string; sC: string };
type Asker = "signedOut" | "amA" | "sdrA" | "clientAdminA" | "clientMemberA" | "amC";

const form = () => ({ periodStart: addDays(todayIn("Europe/Paris"), -6), periodEnd: todayIn("Europe/Paris"), sections: [], highlightIds: [], commentary: "", highlights: "", nextSteps: "", correctionNote: "" });
const sent = (id: string) => prisma.report.update({ where: { id }, data: { status: "SENT", frozenAt: new Date(), sentAt: new Date() } });

let data: Data;
test.beforeAll(async () => {
  const a = await createAgencyWithClient();
  const c = await createAgencyWithClient();
  const dA = await createDraft(a.am, a.campaign.id, form());
  const sA = await createDraft(a.am, a.campaign.id, form());
  const sC = await createDraft(c.am, c.campaign.id, form());
  await sent(sA.id);
  await sent(sC.id);
  data = { a, c, dA: dA.id, sA: sA.id, sC: sC.id };
});

const actor = (as: Asker, d: Data): Actor | null =>
  as === "signedOut" ? null : { amA: d.a.am, sdrA: d.a.sdr, clientAdminA: d.a.clientAdmin, clientMemberA: d.a.clientMember, amC: d.c.am }[as];

type Row = { as: Asker; method: "GET" | "POST"; path: (d: Data) => string; form?: Record<string, string>; expect: "login" | number[]; why: string };
const A = (d: Data) => `/campaigns/${d.a.campaign.id}/reports`;
const C = (d: Data) => `/campaigns/${d.c.campaign.id}/reports`;
const NF = [404];
const comment = { intent: "comment", body: "HIJACK" };

const ROWS: Row[] = [
  { as: "signedOut", method: "GET", path: (d) => `${A(d)}/${d.sA}`, expect: "login", why: "signed out" },
  { as: "clientAdminA", method: "GET", path: (d) => A(d), expect: [200], why: "own campaign's reports (control)" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/${d.sA}`, expect: [200], why: "own sent report (control)" },
  { as: "clientMemberA", method: "GET", path: (d) => `${A(d)}/${d.sA}/pdf`, expect: [200], why: "member: own sent report's PDF (control)" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/${d.dA}`, expect: NF, why: "a draft" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/${d.dA}/pdf`, expect: NF, why: "a draft's PDF" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/${d.dA}`, form: comment, expect: NF, why: "comment on a draft" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/${d.sC}`, expect: NF, why: "another agency's report under own campaign's path" },
  { as: "clientAdminA", method: "GET", path: (d) => `${C(d)}/${d.sC}`, expect: NF, why: "another company's report" },
  { as: "clientAdminA", method: "GET", path: (d) => `${C(d)}/${d.sC}/pdf`, expect: NF, why: "another company's PDF" },
  { as: "clientAdminA", method: "POST", path: (d) => `${C(d)}/${d.sC}`, form: comment, expect: NF, why: "comment on another company's report" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/new`, expect: [403], why: "compose is agency only" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/${d.dA}/edit`, expect: [403], why: "edit is agency only" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/${d.dA}/preview`, expect: [403], why: "preview is agency only" },
  { as: "clientAdminA", method: "POST", path: (d) => `${A(d)}/${d.dA}/send`, form: { intent: "send", recipientIds: "x" }, expect: [403], why: "send is agency only" },
  { as: "clientAdminA", method: "GET", path: (d) => `${A(d)}/schedule`, expect: [403], why: "schedule is agency only" },
  { as: "sdrA", method: "GET", path: (d) => A(d), expect: [403], why: "SDR: reports list" },
  { as: "sdrA", method: "GET", path: (d) => `${A(d)}/${d.sA}`, expect: [403], why: "SDR: a sent report" },
  { as: "sdrA", method: "GET", path: (d) => `${A(d)}/${d.sA}/pdf`, expect: [403], why: "SDR: a PDF" },
  { as: "amA", method: "GET", path: (d) => `${A(d)}/${d.dA}`, expect: [200], why: "AM: own draft (control)" },
  { as: "amC", method: "GET", path: (d) => `${A(d)}/${d.sA}`, expect: NF, why: "another agency's AM: report" },
  { as: "amC", method: "GET", path: (d) => `${A(d)}/${d.dA}/edit`, expect: NF, why: "another agency's AM: edit" },
  { as: "amC", method: "POST", path: (d) => `${A(d)}/${d.dA}/send`, form: { intent: "send", recipientIds: "x" }, expect: NF, why: "another agency's AM: send" },
  { as: "amC", method: "POST", path: (d) => `${A(d)}/${d.sA}`, form: comment, expect: NF, why: "another agency's AM: comment" },
  { as: "amC", method: "POST", path: (d) => `${A(d)}/${d.sA}`, form: { intent: "correct" }, expect: NF, why: "another agency's AM: correct" },
];

async function ask(row: Row, request: APIRequestContext) {
  const who = actor(row.as, data);
  const headers: Record<string, string> = who ? { Cookie: await sessionCookieHeader(who) } : {};
  const url = row.path(data);
  return row.method === "GET" ? request.get(url, { headers, maxRedirects: 0 }) : request.post(url, { headers, form: row.form ?? {}, maxRedirects: 0 });
}

test("the report routes answer every outsider with sign-in, 403 or 404, and never change a report", async ({ request }) => {
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
  }
  expect(failures).toEqual([]);
  expect(await prisma.reportComment.count({ where: { body: "HIJACK" } })).toBe(0);
  expect(await prisma.report.count({ where: { supersedesId: { in: [data.sA, data.sC] } } })).toBe(0);
  expect((await prisma.report.findUniqueOrThrow({ where: { id: data.dA } })).status).toBe("DRAFT");
});
