// The authorization walk over the routes of issue 11: the template library (/settings/templates...), the campaign's
// calibration and the five qualitative objective routes (new, the objective's page, its grid, the assessment form, an
// assessment). Clients and SDRs never reach the templates; another agency's template is a 404; the calibration of
// another company's or agency's campaign is a 404, its mapping agency managers' only; a client never reads a per-SDR
// figure nor any individual assessment (404), an SDR reads only their own. Over HTTP with real session cookies.
import type { APIRequestContext } from "@playwright/test";
import { createCampaign } from "~/models/campaign.server";
import { createClient } from "~/models/client.server";
import { saveAgencyTemplate } from "~/models/qualitative/templates.server";
import { createQualitativeObjective, recordAssessment } from "~/models/qualitative/qualitative.server";
import { setCampaignSdrs } from "~/models/campaign.server";
import { todayIn } from "~/domain/objectives/dates";
import type { Actor } from "~/utils/auth.server";
import { createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import { expect, prisma, sessionCookieHeader, test } from "./fixtures";

type Data = {
  a: AgencyWorld; c: AgencyWorld; campaignB: string; tplA: string; tplC: string; objA: string;
  /** Objectives: sdrA's own, a peer's (both on campaign A), one on campaign B (another AM's), one of agency C. */
  objSdr: string; objPeer: string; objB: string; objC: string;
  /** Assessments on objA: of sdrA (with a comment), of the peer, the peer's self-assessment; one of agency C. */
  asmtSdr: string; asmtPeer: string; asmtPeerSelf: string; asmtC: string;
};
type Asker = "signedOut" | "adminA" | "amA" | "sdrA" | "peerA" | "otherSdrA" | "clientAdminA" | "clientMemberA" | "amC";

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
  const peer = await createMember(a.agency.id, "SDR");
  await setCampaignSdrs(a.am, a.campaign.id, [a.sdr.userId, peer.userId]);
  const qual = (am: typeof a.am, campaignId: string, title: string, sdrId: string | null) => createQualitativeObjective(am, campaignId, {
    title, need: "n", verb: "Clarify", behaviours: [], stake: "GROWTH", ritual: "CALL_REVIEW", cadence: "WEEKLY", sdrId, startsOn: todayIn("Europe/Paris"),
    grid: { criteria: [{ key: "crit", label: "AGENCY-CRITERION-A", levels }] },
  });
  const objSdr = await qual(a.am, a.campaign.id, "OVA-OWN-SDR", a.sdr.userId);
  const objPeer = await qual(a.am, a.campaign.id, "OVA-PEER", peer.userId);
  const objB = await qual(otherAm, campaignB.id, "OVA-B", null);
  const objC = await qual(c.am, c.campaign.id, "OVA-C", null);
  const day = todayIn("Europe/Paris");
  const assess = (who: typeof a.am, objectiveId: string, sdrId: string, kind: "MANAGER" | "SELF", comment: string) =>
    recordAssessment(who, objectiveId, { sdrId, kind, ritual: "CALL_REVIEW", day, levels: { crit: "acquired" }, meetingIds: [], comment });
  const asmtSdr = await assess(a.am, objA.id, a.sdr.userId, "MANAGER", "COMMENT-ON-SDR-A");
  const asmtPeer = await assess(a.am, objA.id, peer.userId, "MANAGER", "COMMENT-ON-PEER");
  const asmtPeerSelf = await assess(peer, objA.id, peer.userId, "SELF", "PEER-SELF-COMMENT");
  const asmtC = await assess(c.am, objC.id, c.sdr.userId, "MANAGER", "COMMENT-OF-C");
  peerActor = peer;
  data = {
    a, c, campaignB: campaignB.id, tplA: tplA.id, tplC: tplC.id, objA: objA.id, objSdr: objSdr.id, objPeer: objPeer.id, objB: objB.id, objC: objC.id,
    asmtSdr: asmtSdr.id, asmtPeer: asmtPeer.id, asmtPeerSelf: asmtPeerSelf.id, asmtC: asmtC.id,
  };
});
let peerActor: Actor;

const actor = (as: Asker, d: Data): Actor | null =>
  as === "signedOut" ? null : { adminA: d.a.admin, amA: d.a.am, sdrA: d.a.sdr, peerA: peerActor, otherSdrA: d.a.otherSdr, clientAdminA: d.a.clientAdmin, clientMemberA: d.a.clientMember, amC: d.c.am }[as];

type Row = { as: Asker; method: "GET" | "POST"; path: (d: Data) => string; form?: (d: Data) => Record<string, string>; expect: "login" | number[]; why: string; shows?: string; hides?: string | string[] };
const A = (d: Data) => `/campaigns/${d.a.campaign.id}/calibration`;
const B = (d: Data) => `/campaigns/${d.campaignB}/calibration`;
const C = (d: Data) => `/campaigns/${d.c.campaign.id}/calibration`;
const NF = [404];
const mapping = (d: Data) => ({ real_need: `${d.objA}:crit` });

// The five qualitative objective routes.
const Q = (campaign: (d: Data) => string) => (d: Data) => `/campaigns/${campaign(d)}/objectives/qualitative`;
const QA = Q((d) => d.a.campaign.id);
const QB = Q((d) => d.campaignB);
const QC = Q((d) => d.c.campaign.id);
const NEW = (d: Data) => `${QA(d)}/new`;
const PAGE = (obj: (d: Data) => string, base = QA) => (d: Data) => `${base(d)}/${obj(d)}`;
const GRID = (obj: (d: Data) => string, base = QA) => (d: Data) => `${base(d)}/${obj(d)}/grid`;
const ASSESS = (obj: (d: Data) => string, base = QA) => (d: Data) => `${base(d)}/${obj(d)}/assess`;
const ASMT = (aid: (d: Data) => string, obj: (d: Data) => string = (d) => d.objA, base = QA) => (d: Data) => `${base(d)}/${obj(d)}/assessments/${aid(d)}`;
const objA = (d: Data) => d.objA;
const objSdr = (d: Data) => d.objSdr;
const objPeer = (d: Data) => d.objPeer;
const asmtSdr = (d: Data) => d.asmtSdr;
const asmtPeer = (d: Data) => d.asmtPeer;
const asmtPeerSelf = (d: Data) => d.asmtPeerSelf;
const newObjective = () => ({ title: "HIJACK", stake: "GROWTH", need: "n", verb: "Clarify", ritual: "CALL_REVIEW", cadence: "WEEKLY", startsOn: "2026-01-05", verbChecked: "1", "criteria.0.label": "x", "criteria.0.not_observed": "a", "criteria.0.emerging": "b", "criteria.0.acquired": "c", "criteria.0.exemplary": "d" });
const newGrid = () => ({ "criteria.0.key": "crit", "criteria.0.label": "HIJACK", "criteria.0.not_observed": "a", "criteria.0.emerging": "b", "criteria.0.acquired": "c", "criteria.0.exemplary": "d" });
const assessment = (kind: string, sdrId: (d: Data) => string) => (d: Data) => ({ kind, sdrId: sdrId(d), ritual: "CALL_REVIEW", day: "2026-01-05", "level.crit": "exemplary", comment: "HIJACK" });
const edit = () => ({ comment: "HIJACK", nextStep: "", note: "", "level.crit": "exemplary" });
const COMMENTS = ["COMMENT-ON-SDR-A", "COMMENT-ON-PEER", "PEER-SELF-COMMENT", "COMMENT-OF-C"];
const sdrA = (d: Data) => d.a.sdr.userId;

const QUAL_ROWS: Row[] = [
  ...[NEW, PAGE(objA), GRID(objA), ASSESS(objA), ASMT(asmtSdr)].map((path): Row => ({ as: "signedOut", method: "GET", path, expect: "login", why: "signed out (qualitative)" })),
  { as: "signedOut", method: "POST", path: NEW, form: newObjective, expect: "login", why: "signed-out new objective" },
  { as: "signedOut", method: "POST", path: ASSESS(objA), form: assessment("MANAGER", sdrA), expect: "login", why: "signed-out assessment" },
  { as: "signedOut", method: "POST", path: ASMT(asmtSdr), form: edit, expect: "login", why: "signed-out assessment edit" },

  // New objective: agency managers of the campaign only.
  { as: "amA", method: "GET", path: NEW, expect: [200], why: "AM: new qualitative objective (control)", shows: "Start from a template" },
  { as: "adminA", method: "GET", path: (d) => `${QB(d)}/new`, expect: [200], why: "admin: new objective on any campaign of the agency (control)" },
  { as: "amA", method: "GET", path: (d) => `${QB(d)}/new`, expect: NF, why: "AM: new objective on another AM's campaign" },
  { as: "amA", method: "POST", path: (d) => `${QB(d)}/new`, form: newObjective, expect: NF, why: "AM: create on another AM's campaign" },
  { as: "amC", method: "GET", path: NEW, expect: NF, why: "agency C's AM: new objective on agency A's campaign" },
  { as: "amC", method: "POST", path: NEW, form: newObjective, expect: NF, why: "agency C's AM: create on agency A's campaign" },
  { as: "amA", method: "POST", path: NEW, form: (d) => ({ ...newObjective(), templateId: d.tplC }), expect: NF, why: "AM: create from agency C's template" },
  ...(["sdrA", "clientAdminA", "clientMemberA"] as const).flatMap((as): Row[] => [
    { as, method: "GET", path: NEW, expect: [403], why: "new objective (agency managers only)" },
    { as, method: "POST", path: NEW, form: newObjective, expect: [403], why: "create an objective (agency managers only)" },
  ]),

  // The objective's page: clients read the team objectives only, with nothing individual; an SDR their own and the team's.
  { as: "amA", method: "GET", path: PAGE(objA), expect: [200], why: "AM: team objective with every assessment (control)", shows: "COMMENT-ON-PEER" },
  { as: "amA", method: "GET", path: PAGE(objPeer), expect: [200], why: "AM: an SDR's objective (control)", shows: "OVA-PEER" },
  { as: "clientAdminA", method: "GET", path: PAGE(objA), expect: [200], why: "client admin: team objective without assessments (control)", shows: "OVA-A", hides: COMMENTS },
  { as: "clientMemberA", method: "GET", path: PAGE(objA), expect: [200], why: "client member: team objective without assessments (control)", shows: "OVA-A", hides: COMMENTS },
  { as: "clientAdminA", method: "GET", path: PAGE(objSdr), expect: NF, why: "client admin: an SDR's own objective" },
  { as: "clientMemberA", method: "GET", path: PAGE(objSdr), expect: NF, why: "client member: an SDR's own objective" },
  { as: "clientAdminA", method: "GET", path: PAGE((d) => d.objB, QB), expect: NF, why: "client admin: company B's objective" },
  { as: "clientAdminA", method: "GET", path: PAGE((d) => d.objC, QC), expect: NF, why: "client admin: agency C's objective" },
  { as: "sdrA", method: "GET", path: PAGE(objA), expect: [200], why: "SDR: team objective, own assessments only (control)", shows: "COMMENT-ON-SDR-A", hides: ["COMMENT-ON-PEER", "PEER-SELF-COMMENT"] },
  { as: "sdrA", method: "GET", path: PAGE(objSdr), expect: [200], why: "SDR: own objective (control)", shows: "OVA-OWN-SDR" },
  { as: "sdrA", method: "GET", path: PAGE(objPeer), expect: NF, why: "SDR: a peer's own objective" },
  { as: "peerA", method: "GET", path: PAGE(objSdr), expect: NF, why: "peer: another SDR's own objective" },
  { as: "otherSdrA", method: "GET", path: PAGE(objA), expect: NF, why: "unassigned SDR: the campaign's objective" },
  { as: "amA", method: "GET", path: PAGE((d) => d.objB, QB), expect: NF, why: "AM: another AM's campaign's objective" },
  { as: "amA", method: "GET", path: PAGE((d) => d.objB), expect: NF, why: "AM: campaign B's objective under campaign A's path" },
  { as: "amC", method: "GET", path: PAGE(objA), expect: NF, why: "agency C's AM: agency A's objective" },
  { as: "adminA", method: "GET", path: PAGE((d) => d.objC, QC), expect: NF, why: "admin: agency C's objective" },

  // The grid: agency managers only; a changed grid by an outsider never becomes a version.
  { as: "amA", method: "GET", path: GRID(objA), expect: [200], why: "AM: the grid (control)", shows: "AGENCY-CRITERION-A" },
  { as: "amA", method: "GET", path: GRID((d) => d.objB, QB), expect: NF, why: "AM: another AM's grid" },
  { as: "amA", method: "POST", path: GRID((d) => d.objB, QB), form: newGrid, expect: NF, why: "AM: change another AM's grid" },
  { as: "amA", method: "POST", path: GRID((d) => d.objB), form: newGrid, expect: NF, why: "AM: change campaign B's grid under campaign A's path" },
  { as: "amC", method: "POST", path: GRID(objA), form: newGrid, expect: NF, why: "agency C's AM: change agency A's grid" },
  ...(["sdrA", "clientAdminA", "clientMemberA"] as const).flatMap((as): Row[] => [
    { as, method: "GET", path: GRID(objA), expect: [403], why: "the grid form (agency managers only)" },
    { as, method: "POST", path: GRID(objA), form: newGrid, expect: [403], why: "change the grid (agency managers only)" },
  ]),

  // The assessment form: managers assess; an SDR assesses themself (or a peer when the ritual says so); clients never.
  { as: "amA", method: "GET", path: ASSESS(objA), expect: [200], why: "AM: assessment form (control)", shows: "AGENCY-CRITERION-A" },
  { as: "sdrA", method: "GET", path: ASSESS(objA), expect: [200], why: "SDR: self-assessment form (control)", shows: "AGENCY-CRITERION-A" },
  { as: "sdrA", method: "GET", path: ASSESS(objPeer), expect: NF, why: "SDR: assess on a peer's own objective" },
  { as: "sdrA", method: "POST", path: ASSESS(objPeer), form: assessment("SELF", sdrA), expect: NF, why: "SDR: self-assess on a peer's own objective" },
  { as: "sdrA", method: "POST", path: ASSESS(objA), form: assessment("PEER", () => peerActor.userId), expect: NF, why: "SDR: peer feedback when the ritual is not peer feedback" },
  { as: "otherSdrA", method: "POST", path: ASSESS(objA), form: assessment("SELF", (d) => d.a.otherSdr.userId), expect: NF, why: "unassigned SDR: self-assessment" },
  { as: "amA", method: "POST", path: ASSESS((d) => d.objB, QB), form: assessment("MANAGER", sdrA), expect: NF, why: "AM: assess on another AM's campaign" },
  { as: "amA", method: "POST", path: ASSESS((d) => d.objB), form: assessment("MANAGER", sdrA), expect: NF, why: "AM: campaign B's objective under campaign A's path" },
  { as: "amC", method: "POST", path: ASSESS(objA), form: assessment("MANAGER", sdrA), expect: NF, why: "agency C's AM: assess in agency A" },
  ...(["clientAdminA", "clientMemberA"] as const).flatMap((as): Row[] => [
    { as, method: "GET", path: ASSESS(objA), expect: NF, why: "client: the assessment form" },
    { as, method: "POST", path: ASSESS(objA), form: assessment("MANAGER", sdrA), expect: NF, why: "client: record an assessment" },
  ]),

  // One assessment: never a client's (404); an SDR's own (about them or by them) only.
  { as: "amA", method: "GET", path: ASMT(asmtPeer), expect: [200], why: "AM: an assessment (control)", shows: "COMMENT-ON-PEER" },
  { as: "sdrA", method: "GET", path: ASMT(asmtSdr), expect: [200], why: "SDR: own assessment (control)", shows: "COMMENT-ON-SDR-A" },
  { as: "peerA", method: "GET", path: ASMT(asmtPeerSelf), expect: [200], why: "peer: own self-assessment (control)", shows: "PEER-SELF-COMMENT" },
  { as: "sdrA", method: "GET", path: ASMT(asmtPeer), expect: NF, why: "SDR: a peer's assessment" },
  { as: "sdrA", method: "GET", path: ASMT(asmtPeerSelf), expect: NF, why: "SDR: a peer's self-assessment" },
  { as: "sdrA", method: "POST", path: ASMT(asmtPeerSelf), form: edit, expect: NF, why: "SDR: edit a peer's self-assessment" },
  { as: "sdrA", method: "POST", path: ASMT(asmtSdr), form: edit, expect: [403], why: "SDR: edit the manager's assessment of them" },
  { as: "otherSdrA", method: "GET", path: ASMT(asmtSdr), expect: NF, why: "unassigned SDR: an assessment" },
  { as: "amA", method: "GET", path: ASMT(asmtSdr, objSdr), expect: NF, why: "AM: an assessment under another objective's path" },
  { as: "amA", method: "GET", path: ASMT((d) => d.asmtC, (d) => d.objC, QC), expect: NF, why: "AM: agency C's assessment" },
  { as: "amC", method: "GET", path: ASMT(asmtSdr), expect: NF, why: "agency C's AM: agency A's assessment" },
  { as: "amC", method: "POST", path: ASMT(asmtSdr), form: edit, expect: NF, why: "agency C's AM: edit agency A's assessment" },
  ...(["clientAdminA", "clientMemberA"] as const).flatMap((as): Row[] => [
    { as, method: "GET", path: ASMT(asmtSdr), expect: NF, why: "client: an SDR's assessment" },
    { as, method: "GET", path: ASMT(asmtPeerSelf), expect: NF, why: "client: an SDR's self-assessment" },
    { as, method: "POST", path: ASMT(asmtSdr), form: edit, expect: NF, why: "client: edit an assessment" },
  ]),
];

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
  ...QUAL_ROWS,
];

async function ask(row: Row, request: APIRequestContext) {
  const who = actor(row.as, data);
  const headers: Record<string, string> = who ? { Cookie: await sessionCookieHeader(who) } : {};
  const url = row.path(data);
  return row.method === "GET" ? request.get(url, { headers, maxRedirects: 0 }) : request.post(url, { headers, form: row.form?.(data) ?? {}, maxRedirects: 0 });
}

test("the template, calibration and qualitative objective routes answer every outsider with sign-in, 403 or 404, and never change their data", async ({ request }) => {
  test.setTimeout(180_000);
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
    for (const hidden of [row.hides ?? []].flat()) if (body.includes(hidden)) failures.push(`${label}, must not show ${hidden}`);
    if (status === 404 || status === 403) {
      for (const secret of ["TEMPLATE-OF-A", "TEMPLATE-OF-C", "AGENCY-CRITERION-A", "OVA-", ...COMMENTS]) if (body.includes(secret)) failures.push(`${label}, leaked ${secret}`);
    }
  }
  expect(failures).toEqual([]);
  // Nothing an outsider posted was written: no objective, grid version, assessment or edit.
  const objectives = [data.objA, data.objSdr, data.objPeer, data.objB, data.objC];
  expect(await prisma.objective.count({ where: { title: "HIJACK" } })).toBe(0);
  expect(await prisma.objectiveGridVersion.count({ where: { objectiveId: { in: objectives } } })).toBe(objectives.length);
  expect(await prisma.qualAssessment.count({ where: { objectiveId: { in: objectives } } })).toBe(4);
  expect(await prisma.qualAssessment.count({ where: { comment: "HIJACK" } })).toBe(0);
  expect(await prisma.qualAssessmentRevision.count({ where: { assessmentId: { in: [data.asmtSdr, data.asmtPeer, data.asmtPeerSelf, data.asmtC] } } })).toBe(0);
  expect(await prisma.qualTemplate.count({ where: { title: "HIJACK" } })).toBe(0);
  expect(await prisma.calibrationMapping.count({ where: { campaignId: { in: [data.a.campaign.id, data.campaignB, data.c.campaign.id] } } })).toBe(0);
});
