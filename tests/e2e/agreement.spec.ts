// The agreement loop in the browser: the account manager proposes a persona and the qualified-meeting definition,
// the client admin reads them, sends one back with a comment, the AM revises, the client approves, the campaign goes
// live; the emails are in the outbox. Then the thread, bad input, a stale form, who may do what, and French.
import type { Locator, Page } from "@playwright/test";
import { approveVersion } from "~/models/agreement/decisions.server";
import { approvedAgreement, personaInput, proposedPersona } from "../factories";
import { createAgencyWithClient } from "../factories";
import { confirmAction, expect, expectFieldError, prisma, sessionCookieHeader, test } from "./fixtures";

const ORIGIN = "http://localhost";
const COMMENT_LABEL = "Comment (required to request changes)";

/** The toast shown after a redirect. */
const toast = (page: Page) => page.getByRole("status");

/** Fills the persona form; only the fields given are touched. */
async function fillPersona(page: Page, p: { name?: string; jobTitles?: string[]; seniorities?: string[]; min?: string; max?: string; geographies?: string[]; pains?: string }) {
  if (p.name !== undefined) await page.getByLabel("Persona name").fill(p.name);
  if (p.jobTitles) await page.getByLabel("Job titles").fill(p.jobTitles.join("\n"));
  for (const s of p.seniorities ?? []) await page.getByRole("checkbox", { name: s, exact: true }).check();
  if (p.min !== undefined) await page.getByLabel("Company size, from (employees)").fill(p.min);
  if (p.max !== undefined) await page.getByLabel("Company size, up to (employees)").fill(p.max);
  if (p.geographies) await page.getByLabel("Geographies").fill(p.geographies.join("\n"));
  if (p.pains !== undefined) await page.getByLabel("Pains").fill(p.pains);
}

/** One criterion row of the definition form. */
const criterionRow = (page: Page, n: number) => page.getByRole("listitem", { name: `Criterion ${n}`, exact: true });

async function fillCriterion(page: Page, n: number, c: { label: string; help?: string; required: boolean }) {
  await page.getByRole("textbox", { name: `Criterion ${n}`, exact: true }).fill(c.label);
  if (c.help !== undefined) await page.getByRole("textbox", { name: `Help for criterion ${n}`, exact: true }).fill(c.help);
  await criterionRow(page, n).getByRole("checkbox", { name: "Required" }).setChecked(c.required);
}

const decision = (page: Page) => page.getByRole("region", { name: "Decision" });
const thread = (page: Page) => page.getByRole("region", { name: "Discussion" });
/** A row of a comparison table, by the field's name. */
const fieldRow = (table: Locator, field: string) => table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: new RegExp(`^${field}`) }) });

test("the whole agreement loop: propose, request changes, revise, approve, activate", async ({ page, world, login }) => {
  test.setTimeout(90_000);
  const campaignUrl = `/campaigns/${world.campaign.id}`;

  // Before anything is agreed, the overview says what is missing and activation is refused.
  await login(world.am);
  await page.goto(campaignUrl);
  const readiness = page.getByRole("region", { name: "Ready to go live?" });
  await expect(readiness).toContainText("The campaign can be activated once the client has approved:");
  await expect(readiness.getByRole("link", { name: "At least one approved persona" })).toBeVisible();
  await expect(readiness.getByRole("link", { name: "An approved qualified-meeting definition" })).toBeVisible();
  await expect(readiness.getByRole("button", { name: "Activate the campaign" })).toHaveAttribute("aria-disabled", "true");
  // aria-disabled, not disabled: the button still says why when pressed.
  await readiness.getByRole("button", { name: "Activate the campaign" }).click({ force: true });
  await expect(readiness.getByRole("alert")).toHaveText("The campaign cannot be activated: no persona version is approved yet.");

  // The AM drafts a persona through the form and proposes it.
  await page.getByRole("navigation", { name: "Campaign sections" }).getByRole("link", { name: "Targeting" }).click();
  await expect(page.getByText("No persona yet.")).toBeVisible();
  await page.getByRole("link", { name: "New persona" }).click();
  await fillPersona(page, {
    name: "Supply chain directors, mid-market",
    jobTitles: ["Supply Chain Director", "Head of Logistics"],
    seniorities: ["Director", "Head of"],
    min: "200",
    max: "2000",
    geographies: ["Île-de-France"],
    pains: "Stock-outs during peaks.",
  });
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(toast(page)).toHaveText("Draft saved.");
  await expect(page.getByRole("heading", { level: 2, name: "Supply chain directors, mid-market" })).toBeVisible();
  await expect(page.getByText("Version 1", { exact: true }).first()).toBeVisible();
  const content = page.getByRole("table", { name: "Comparison" });
  await expect(fieldRow(content, "Job titles")).toContainText("Supply Chain Director");
  await expect(fieldRow(content, "Job titles")).toContainText("Head of Logistics");
  await expect(fieldRow(content, "Seniority")).toContainText("Director");
  await expect(fieldRow(content, "Company size, from")).toContainText("200");
  await expect(fieldRow(content, "Company size, up to")).toContainText("2000");
  await page.getByRole("button", { name: "Propose to the client" }).click();
  await expect(toast(page)).toHaveText("Proposed: the client admins have been notified.");
  await expect(page.getByRole("navigation", { name: "Versions" }).getByRole("link", { name: /Version 1.*Waiting for the client/ })).toBeVisible();
  const personaUrl = new URL(page.url()).pathname;

  // The definition: two criteria (one added with "Add a criterion"), rules and channels.
  await page.getByRole("navigation", { name: "Campaign sections" }).getByRole("link", { name: "Qualified meeting" }).click();
  await page.getByRole("link", { name: "Draft the definition" }).click();
  await fillCriterion(page, 1, { label: "Speaks to a decision maker", help: "Title confirmed on the call.", required: true });
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await fillCriterion(page, 2, { label: "Project within 12 months", required: false });
  await expect(page.getByLabel("Dispute window (days)")).toHaveValue("7");
  await page.getByLabel("Minimum meeting length (minutes)").fill("45");
  await page.getByLabel("No-show policy").selectOption({ label: "Not billed" });
  await page.getByRole("checkbox", { name: "Phone" }).uncheck();
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(toast(page)).toHaveText("Draft saved.");
  const criteria = page.getByRole("table", { name: "Criteria" });
  await expect(criteria.getByRole("row").filter({ hasText: "Speaks to a decision maker" })).toContainText("Required");
  await expect(criteria.getByRole("row").filter({ hasText: "Project within 12 months" })).toContainText("Optional");
  await page.getByRole("button", { name: "Propose to the client" }).click();
  await expect(toast(page)).toHaveText("Proposed: the client admins have been notified.");

  // The client admin: two action items on their home.
  await login(world.clientAdmin);
  await page.goto("/home");
  const items = page.getByRole("region", { name: "2 versions waiting for your approval" });
  await expect(items).toBeVisible();
  await expect(items.getByRole("link", { name: "Qualified-meeting definition, version 1" })).toBeVisible();
  await items.getByRole("link", { name: "Supply chain directors, mid-market, version 1" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Supply chain directors, mid-market" })).toBeVisible();
  await expect(fieldRow(page.getByRole("table", { name: "Comparison" }), "Geographies")).toContainText("Île-de-France");

  // Requesting changes needs a comment: the message is next to the field.
  await decision(page).getByRole("button", { name: "Request changes" }).click();
  await expectFieldError(page, COMMENT_LABEL, "Say what should change: a comment is required to request changes.");
  await page.getByLabel(COMMENT_LABEL).fill("Please add the Benelux: we sell there too.");
  await decision(page).getByRole("button", { name: "Request changes" }).click();
  await expect(toast(page)).toHaveText("Changes requested: the account manager has been notified.");
  await expect(page.getByRole("navigation", { name: "Versions" }).getByRole("link", { name: /Version 1.*Changes requested/ })).toBeVisible();
  await expect(decision(page)).toHaveCount(0);

  // The definition is approved as it is.
  await page.goto("/home");
  await page.getByRole("region", { name: "1 version waiting for your approval" }).getByRole("link", { name: "Qualified-meeting definition, version 1" }).click();
  await confirmAction(decision(page), "Approve", "Yes, approve it", "It becomes the version in force");
  await expect(toast(page)).toHaveText("Version approved.");

  // The AM sees the decision and the comment, edits (a new draft, version 2), proposes again.
  await login(world.am);
  await page.goto(personaUrl);
  await expect(page.getByText("Changes requested", { exact: true }).first()).toBeVisible();
  // Who decided, with the comment, next to "Decided by"; the comment is in the thread as well.
  const decidedBy = page.getByRole("definition").filter({ hasText: world.clientAdmin.name });
  await expect(decidedBy).toContainText("Please add the Benelux: we sell there too.");
  await expect(thread(page).getByRole("listitem").filter({ hasText: "Please add the Benelux: we sell there too." })).toContainText(world.clientAdmin.name);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "New draft from version 1" })).toBeVisible();
  await expect(page.getByText("Version shown stays as it is: your changes become a new draft version")).toBeVisible();
  await expect(page.getByLabel("Job titles")).toHaveValue("Supply Chain Director\nHead of Logistics");
  await expect(page.getByRole("checkbox", { name: "Director", exact: true })).toBeChecked();
  await fillPersona(page, { geographies: ["Île-de-France", "Benelux"] });
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(toast(page)).toHaveText("Draft saved.");
  const versions = page.getByRole("navigation", { name: "Versions" });
  await expect(versions.getByRole("link", { name: /Version 2.*Draft/ })).toHaveAttribute("aria-current", "page");
  await expect(versions.getByRole("link", { name: /Version 1.*Changes requested/ })).toBeVisible();
  await page.getByRole("button", { name: "Propose to the client" }).click();
  await expect(toast(page)).toHaveText("Proposed: the client admins have been notified.");

  // The definition in force is revised too: one criterion changed, one added, a channel added.
  await page.goto(`${campaignUrl}/qualification`);
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "New draft from version 1" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Criterion 2", exact: true })).toHaveValue("Project within 12 months");
  await criterionRow(page, 2).getByRole("checkbox", { name: "Required" }).check();
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await fillCriterion(page, 3, { label: "Need in the prospect's own words", help: "Quote them.", required: true });
  await page.getByRole("checkbox", { name: "On site" }).check();
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(toast(page)).toHaveText("Draft saved.");
  await page.getByRole("button", { name: "Propose to the client" }).click();
  await expect(toast(page)).toHaveText("Proposed: the client admins have been notified.");

  // The client reads the revision against the version they sent back, field by field, and approves.
  await login(world.clientAdmin);
  await page.goto("/home");
  await page.getByRole("region", { name: "2 versions waiting for your approval" }).getByRole("link", { name: "Supply chain directors, mid-market, version 2" }).click();
  await page.getByRole("combobox", { name: "With", exact: true }).selectOption({ label: "Version 1" });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { name: "Version 2 compared with version 1" })).toBeVisible();
  const diff = page.getByRole("table", { name: "Comparison" });
  await expect(fieldRow(diff, "Geographies")).toContainText("Changed");
  await expect(fieldRow(diff, "Geographies")).toContainText("Added: Benelux");
  await expect(fieldRow(diff, "Job titles")).not.toContainText("Changed");
  await confirmAction(decision(page), "Approve", "Yes, approve it", "It becomes the version in force");
  await expect(toast(page)).toHaveText("Version approved.");

  // The definition's diff against the approved version: criterion by criterion, and the rules.
  await page.goto("/home");
  await page.getByRole("region", { name: "1 version waiting for your approval" }).getByRole("link", { name: "Qualified-meeting definition, version 2" }).click();
  await expect(page.getByRole("heading", { name: "Version 2 compared with version 1" })).toBeVisible();
  const byCriterion = page.getByRole("table", { name: "Criteria" });
  await expect(byCriterion.getByRole("row").filter({ hasText: "Speaks to a decision maker" })).toContainText("Unchanged");
  await expect(byCriterion.getByRole("row").filter({ hasText: "Project within 12 months" })).toContainText("Changed");
  await expect(byCriterion.getByRole("row").filter({ hasText: "Need in the prospect's own words" })).toContainText("Added");
  const rules = page.getByRole("table", { name: "Comparison" });
  await expect(fieldRow(rules, "Allowed channels")).toContainText("Changed");
  await expect(fieldRow(rules, "Allowed channels")).toContainText("Added: On site");
  await expect(fieldRow(rules, "Dispute window")).not.toContainText("Changed");
  await confirmAction(decision(page), "Approve", "Yes, approve it", "It becomes the version in force");
  await expect(toast(page)).toHaveText("Version approved.");
  await expect(page.getByRole("navigation", { name: "Versions" }).getByRole("link", { name: /Version 1.*Superseded/ })).toBeVisible();
  await page.goto("/home");
  await expect(page.getByRole("region", { name: /waiting for your approval/ })).toHaveCount(0);

  // The campaign can now be activated, and the history tells the story.
  await login(world.am);
  await page.goto(campaignUrl);
  await expect(readiness).toContainText("Everything is agreed: the campaign can be activated.");
  await readiness.getByRole("button", { name: "Activate the campaign" }).click();
  await expect(toast(page)).toHaveText("Campaign status updated.");
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("Changes requested on a persona version");
  await expect(history).toContainText("Please add the Benelux: we sell there too.");
  await expect(history).toContainText("Campaign status changed");
  expect((await prisma.campaign.findUniqueOrThrow({ where: { id: world.campaign.id } })).status).toBe("ACTIVE");

  // The emails: every proposal to the client admin, every decision to the AM.
  const proposed = await prisma.emailOutbox.findMany({ where: { agencyId: world.agency.id, template: "version-proposed" } });
  expect(proposed.map((e) => e.to)).toEqual(Array(4).fill(world.clientAdmin.email));
  expect(proposed.map((e) => e.subject).join("\n")).toContain("Supply chain directors, mid-market");
  const decided = await prisma.emailOutbox.findMany({ where: { agencyId: world.agency.id, template: "version-decided" }, orderBy: { createdAt: "asc" } });
  expect(decided.map((e) => e.to)).toEqual(Array(4).fill(world.am.email));
  expect(decided[0].text).toContain("Please add the Benelux: we sell there too.");
});

test("the thread: a client member writes on a proposed version, the account manager reads it", async ({ page, world, login }) => {
  const { personaId } = await proposedPersona(world.am, world.campaign.id);
  const url = `/campaigns/${world.campaign.id}/targeting/${personaId}`;
  await login(world.clientMember);
  await page.goto(url);
  await expect(thread(page)).toContainText("No message yet.");
  await thread(page).getByRole("button", { name: "Send" }).click();
  await expectFieldError(page, "Write a message", "This field is required.");
  await thread(page).getByLabel("Write a message").fill("Do retailers under 200 people count?");
  await thread(page).getByRole("button", { name: "Send" }).click();
  await expect(toast(page)).toHaveText("Message posted.");
  await expect(thread(page).getByRole("listitem").filter({ hasText: "Do retailers under 200 people count?" })).toContainText(world.clientMember.name);

  await login(world.am);
  await page.goto(url);
  await expect(thread(page).getByRole("listitem").filter({ hasText: "Do retailers under 200 people count?" })).toContainText(world.clientMember.name);
});

test("bad input on the persona form: messages next to the fields, typed values kept", async ({ page, world, login }) => {
  await login(world.am);
  await page.goto(`/campaigns/${world.campaign.id}/targeting/new`);
  await fillPersona(page, { name: "", jobTitles: ["CFO", "Finance Director"], seniorities: ["C-level"], min: "5000", max: "50", geographies: ["France"] });
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByRole("alert")).toHaveText("Please correct the fields marked below.");
  await expectFieldError(page, "Persona name", "This field is required.");
  await expectFieldError(page, "Company size, up to (employees)", "The upper bound must be greater than or equal to the lower bound.");
  await expect(page.getByLabel("Job titles")).toHaveValue("CFO\nFinance Director");
  await expect(page.getByRole("checkbox", { name: "C-level" })).toBeChecked();
  await expect(page.getByLabel("Company size, from (employees)")).toHaveValue("5000");
  await expect(page.getByLabel("Company size, up to (employees)")).toHaveValue("50");
  await expect(page.getByLabel("Geographies")).toHaveValue("France");
  expect(await prisma.persona.count({ where: { campaignId: world.campaign.id } })).toBe(0);

  // Corrected, it saves.
  await fillPersona(page, { name: "Finance leaders", max: "10000" });
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(toast(page)).toHaveText("Draft saved.");
  await expect(page.getByRole("heading", { level: 2, name: "Finance leaders" })).toBeVisible();
});

test("bad input on the definition form: messages next to the fields, rows and values kept", async ({ page, world, login }) => {
  await login(world.am);
  await page.goto(`/campaigns/${world.campaign.id}/qualification/edit`);
  // Row 2 is left blank (skipped); row 3 has help but no label: the message goes next to row 3.
  await fillCriterion(page, 1, { label: "Speaks to a decision maker", required: true });
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await fillCriterion(page, 3, { label: "", help: "Budget mentioned on the call.", required: false });
  await page.getByLabel("Dispute window (days)").fill("0");
  await page.getByLabel("Minimum meeting length (minutes)").fill("45");
  await page.getByRole("checkbox", { name: "Video call" }).uncheck();
  await page.getByRole("checkbox", { name: "Phone" }).uncheck();
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByRole("alert")).toHaveText("Please correct the fields marked below.");
  await expectFieldError(criterionRow(page, 3), "Criterion 3", "This field is required.");
  await expect(page.getByRole("textbox", { name: "Criterion 2", exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expectFieldError(page, "Dispute window (days)", "Must be at least 1.");
  await expect(page.getByRole("group", { name: "Allowed channels" })).toContainText("Allow at least one channel.");
  await expect(page.getByRole("textbox", { name: "Criterion 1", exact: true })).toHaveValue("Speaks to a decision maker");
  await expect(page.getByRole("textbox", { name: "Help for criterion 3", exact: true })).toHaveValue("Budget mentioned on the call.");
  await expect(criterionRow(page, 1).getByRole("checkbox", { name: "Required" })).toBeChecked();
  await expect(criterionRow(page, 3).getByRole("checkbox", { name: "Required" })).not.toBeChecked();
  await expect(page.getByLabel("Minimum meeting length (minutes)")).toHaveValue("45");
  expect(await prisma.qualificationDefinition.count({ where: { campaignId: world.campaign.id } })).toBe(0);
});

test("a stale form: the client approves while the AM edits; the save is refused clearly and nothing is lost", async ({ page, world, login }) => {
  const { personaId, versionId } = await proposedPersona(world.am, world.campaign.id, personaInput({ name: "Ops leaders" }));
  const url = `/campaigns/${world.campaign.id}/targeting/${personaId}`;
  await login(world.am);
  await page.goto(url);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "New draft from version 1" })).toBeVisible();
  await fillPersona(page, { name: "Ops leaders, Benelux", geographies: ["Belgium", "Netherlands"] });

  // Meanwhile the client approves the version the form was opened on.
  const v = await prisma.personaVersion.findUniqueOrThrow({ where: { id: versionId } });
  await approveVersion(world.clientAdmin, world.campaign.id, "persona", versionId, v.revision, "", ORIGIN);

  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByRole("alert")).toHaveText("Someone changed this in the meantime. Reload the page to see their change, then try again.");
  await expect(page.getByLabel("Persona name")).toHaveValue("Ops leaders, Benelux");
  await expect(page.getByLabel("Geographies")).toHaveValue("Belgium\nNetherlands");
  const after = await prisma.personaVersion.findMany({ where: { personaId }, orderBy: { number: "asc" } });
  expect(after.map((x) => [x.number, x.status, x.name])).toEqual([[1, "APPROVED", "Ops leaders"]]);

  // The approved version is never edited in place: editing it starts version 2.
  await page.goto(url);
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "New draft from version 1" })).toBeVisible();
  await expect(page.getByText("Version shown stays as it is: your changes become a new draft version")).toBeVisible();
  await fillPersona(page, { name: "Ops leaders, Benelux", geographies: ["Belgium", "Netherlands"] });
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(toast(page)).toHaveText("Draft saved.");
  await expect(page.getByRole("navigation", { name: "Versions" }).getByRole("link", { name: /Version 2.*Draft/ })).toBeVisible();
  const final = await prisma.personaVersion.findMany({ where: { personaId }, orderBy: { number: "asc" } });
  expect(final.map((x) => [x.number, x.status, x.name])).toEqual([
    [1, "APPROVED", "Ops leaders"],
    [2, "DRAFT", "Ops leaders, Benelux"],
  ]);
});

test.describe("who may do what", () => {
  test("a client member reads a proposed version but has no decision, and a forged approval is refused", async ({ page, world, login, request }) => {
    const { personaId, versionId } = await proposedPersona(world.am, world.campaign.id);
    const url = `/campaigns/${world.campaign.id}/targeting/${personaId}`;
    await login(world.clientMember);
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 2, name: personaInput().name })).toBeVisible();
    await expect(page.locator("summary", { hasText: "Approve" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Request changes" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);

    const before = await prisma.personaVersion.findUniqueOrThrow({ where: { id: versionId } });
    const res = await request.post(url, {
      headers: { Cookie: await sessionCookieHeader(world.clientMember) },
      form: { intent: "approve", versionId, revision: String(before.revision) },
      maxRedirects: 0,
    });
    expect([403, 404]).toContain(res.status());
    const after = await prisma.personaVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect([after.status, after.revision, after.decidedById]).toEqual(["PROPOSED", before.revision, null]);
  });

  test("authorization rows: another company's client, a client member, an SDR", async ({ world, request }) => {
    const ids = await approvedAgreement(world.am, world.clientAdmin, world.campaign.id);
    const { versionId: proposedId } = await proposedPersona(world.am, world.campaign.id, personaInput({ name: "Second persona" }));
    const other = await createAgencyWithClient();
    const c = world.campaign.id;
    const personaPath = `/campaigns/${c}/targeting/${ids.personaId}`;
    const rows: { who: string; cookie: string; method: "GET" | "POST"; path: string; form?: Record<string, string>; expect: number[] }[] = [];
    const outsider = await sessionCookieHeader(other.clientAdmin);
    const outsiderMember = await sessionCookieHeader(other.clientMember);
    for (const [who, cookie] of [["other client admin", outsider], ["other client member", outsiderMember]] as const) {
      rows.push(
        { who, cookie, method: "GET", path: personaPath, expect: [404] },
        { who, cookie, method: "GET", path: `/campaigns/${c}/qualification`, expect: [404] },
        { who, cookie, method: "GET", path: `/campaigns/${c}/targeting`, expect: [404] },
        // A client member may not decide at all (403); a client admin of another company finds nothing (404).
        { who, cookie, method: "POST", path: personaPath, form: { intent: "approve", versionId: proposedId, revision: "1" }, expect: cookie === outsider ? [404] : [403, 404] },
        { who, cookie, method: "POST", path: personaPath, form: { intent: "requestChanges", versionId: proposedId, revision: "1", comment: "No" }, expect: cookie === outsider ? [404] : [403, 404] },
        { who, cookie, method: "POST", path: personaPath, form: { intent: "comment", versionId: ids.personaVersionId, body: "Hello" }, expect: [404] },
        { who, cookie, method: "POST", path: `/campaigns/${c}/qualification`, form: { intent: "comment", versionId: ids.definitionVersionId, body: "Hello" }, expect: [404] },
        { who, cookie, method: "POST", path: `/campaigns/${c}/qualification`, form: { intent: "approve", versionId: ids.definitionVersionId, revision: "2" }, expect: cookie === outsider ? [404] : [403, 404] },
      );
    }
    const member = await sessionCookieHeader(world.clientMember);
    const sdr = await sessionCookieHeader(world.sdr);
    rows.push(
      { who: "client member", cookie: member, method: "POST", path: personaPath, form: { intent: "approve", versionId: proposedId, revision: "1" }, expect: [403, 404] },
      { who: "client member", cookie: member, method: "GET", path: `/campaigns/${c}/targeting/new`, expect: [403] },
      { who: "client admin", cookie: await sessionCookieHeader(world.clientAdmin), method: "GET", path: `/campaigns/${c}/qualification/edit`, expect: [403] },
      { who: "SDR", cookie: sdr, method: "GET", path: `/campaigns/${c}/targeting/new`, expect: [403] },
      { who: "SDR", cookie: sdr, method: "POST", path: `/campaigns/${c}/targeting/new`, form: { name: "SDR persona", jobTitles: "CEO" }, expect: [403] },
      { who: "SDR", cookie: sdr, method: "POST", path: personaPath, form: { intent: "propose", versionId: proposedId, revision: "1" }, expect: [403, 404] },
      { who: "SDR (control)", cookie: sdr, method: "GET", path: personaPath, expect: [200] },
    );
    for (const r of rows) {
      const res =
        r.method === "GET"
          ? await request.get(r.path, { headers: { Cookie: r.cookie }, maxRedirects: 0 })
          : await request.post(r.path, { headers: { Cookie: r.cookie }, form: r.form ?? {}, maxRedirects: 0 });
      expect(r.expect, `${r.who} ${r.method} ${r.path} ${JSON.stringify(r.form ?? {})} answered ${res.status()}`).toContain(res.status());
      if (res.status() !== 200) expect(await res.text()).not.toContain(personaInput().name);
    }
    // Nothing changed.
    expect((await prisma.personaVersion.findUniqueOrThrow({ where: { id: proposedId } })).status).toBe("PROPOSED");
    expect(await prisma.versionComment.count({ where: { campaignId: c } })).toBe(0);
    expect(await prisma.persona.count({ where: { campaignId: c } })).toBe(2);
  });
});

test("in French, the client admin decides with « Valider » or « Demander des modifications »", async ({ page, world, login }) => {
  await prisma.user.update({ where: { id: world.clientAdmin.userId }, data: { locale: "fr" } });
  const { personaId } = await proposedPersona(world.am, world.campaign.id);
  await login(world.clientAdmin);
  await page.goto("/home");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const items = page.getByRole("region", { name: "1 version attend votre validation" });
  await items.getByRole("link", { name: `${personaInput().name}, version 1` }).click();
  await expect(page).toHaveURL(new RegExp(`/targeting/${personaId}`));
  const d = page.getByRole("region", { name: "Décision" });
  await expect(d.getByRole("heading", { name: "Votre décision" })).toBeVisible();
  await expect(d.locator("summary", { hasText: "Valider" })).toBeVisible();
  await expect(d.getByRole("button", { name: "Demander des modifications" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Versions" }).getByRole("link", { name: /Version 1.*En attente du client/ })).toBeVisible();
  await d.getByRole("button", { name: "Demander des modifications" }).click();
  await expectFieldError(page, "Commentaire (obligatoire pour demander des modifications)", "Dites ce qui doit changer\u202f: un commentaire est obligatoire pour demander des modifications.");
  const table = page.getByRole("table", { name: "Comparaison" });
  await expect(fieldRow(table, "Niveau hiérarchique")).toContainText("Directeur");
  // The proposal email went out in French.
  const email = await prisma.emailOutbox.findFirstOrThrow({ where: { to: world.clientAdmin.email, template: "version-proposed" } });
  expect(email.locale).toBe("fr");
});
