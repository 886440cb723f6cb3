// Qualitative objectives as people use them: the AM creates an O-V-A objective from a template (the vague verb is
// flagged, never refused), reviews a call from the meeting's page, the SDR reads the feedback and records a
// self-assessment beside it, the trend shows two points; the client reads the objective in French with nothing
// individual (an assessment's id is a 404). Axe on the new pages; screenshots FR/EN at 1366 and 390 px.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { setCampaignSdrs } from "~/models/campaign.server";
import { recordAssessment } from "~/models/qualitative/qualitative.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createActiveCampaignWithAgreement, createMeetingInState, createMember } from "../factories";
import { expect, hydrated, prisma, test, screenshot } from "./fixtures";

test.use({ timezoneId: "Europe/Paris" });
// The machine running the suite may be busy: a submit, its redirect and the next page's loaders get more time.
const SLOW = { timeout: 20_000 };

const levels = (n: string, e: string, a: string, x: string) => ({ not_observed: n, emerging: e, acquired: a, exemplary: x });
const GRID = {
  criteria: [
    { key: "rephrase", label: "Rephrases the need", levels: levels("Never rephrases", "Rephrases when prompted", "Rephrases before pitching", "Rephrases and checks agreement") },
    { key: "questions", label: "Asks open questions", levels: levels("Closed questions only", "A few open questions", "Open questions lead the call", "Questions uncover weak signals") },
  ],
};

async function axe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).setLegacyMode().options({ iframes: false, resultTypes: ["violations"] }).analyze();
  expect(results.violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function shots(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `test-results/screens/qual-${name}-${width}.png`);
    // The charts follow the new width on their next resize observation: wait for the layout to settle.
    const measure = () =>
      page.evaluate(() => {
        const wide = Array.from(document.body.querySelectorAll<HTMLElement>("*")).filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
        const out = wide[wide.length - 1];
        const overflow = document.documentElement.scrollWidth - window.innerWidth;
        return overflow <= 1 ? "" : `${overflow} px too wide: ${out ? `${out.tagName.toLowerCase()}.${String(out.className).slice(0, 80)}` : "?"}`;
      });
    await expect.poll(measure, { message: `${name} at ${width}px is wider than the screen` }).toBe("");
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("O-V-A objective from a template, call review from a meeting, SDR feedback and self-assessment, client in French", async ({ page, world, login, request, cookieFor }) => {
  test.setTimeout(150_000);
  const agreement = await createActiveCampaignWithAgreement(world);
  const peer = await createMember(world.agency.id, "SDR", { name: "Inès Pair" });
  await setCampaignSdrs(world.am, world.campaign.id, [world.sdr.userId, peer.userId]);
  const meetingId = await createMeetingInState(world, agreement, "held");
  await prisma.qualTemplate.create({
    data: { agencyId: world.agency.id, locale: "en", key: "active-listening", title: "Active listening", need: "The client says meetings lack a real need", verb: "Improve listening", behaviours: ["Rephrase the need", "Ask open questions"], ritual: "CALL_REVIEW", cadence: "WEEKLY", grid: GRID },
  });
  const base = `/campaigns/${world.campaign.id}`;

  // The AM: from the Objectives tab, a new qualitative objective from the template.
  await login(world.am);
  await page.goto(`${base}/objectives`);
  await page.getByRole("link", { name: "New qualitative objective" }).click();
  await page.getByRole("link", { name: "Active listening", exact: true }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Active listening");
  const verb = page.getByLabel("Observable action verb");
  await hydrated(verb);
  // The template's verb is vague: flagged beside the field, with precise verbs suggested; typing a precise one clears it.
  await expect(page.getByText("“improve” is vague")).toBeVisible();
  await verb.fill("Rephrase the prospect's need before pitching");
  await expect(page.getByText("is vague")).toHaveCount(0);
  await verb.fill("Be more attentive");
  await expect(page.getByText("“be more” is vague: say what one would observe. Precise verbs: clarify, structure, rephrase, formalise, strengthen.")).toBeVisible();
  await page.getByLabel("Supported quantitative metric (optional)").selectOption("ACCEPTANCE_RATE");
  await page.getByRole("button", { name: "Create the objective" }).click();
  // Bad input: the stake is missing, said next to the field; everything typed is kept.
  await expect(page.getByLabel("Strategic stake")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Observable action verb")).toHaveValue("Be more attentive");
  await shots(page, "new-en");
  await axe(page, "new objective form");
  await page.getByLabel("Strategic stake").selectOption("GROWTH");
  await page.getByLabel("Observable action verb").fill("Rephrase the prospect's need before pitching");
  await page.getByRole("button", { name: "Create the objective" }).click();
  await expect(page.getByText("Qualitative objective created.")).toBeVisible(SLOW);
  await expect(page.getByRole("heading", { name: "Active listening" })).toBeVisible();
  const objectiveId = page.url().split("/").at(-1)!;

  // An earlier assessment (a week ago), so the review makes the second point of the trend.
  const today = todayIn("Europe/Paris");
  await recordAssessment(world.am, objectiveId, { sdrId: world.sdr.userId, kind: "MANAGER", ritual: "ONE_TO_ONE", day: addDays(today, -7), levels: { rephrase: "emerging", questions: "emerging" }, meetingIds: [] });

  // Review this call from the meeting's page: the form opens with the meeting as evidence, lands on the objective.
  await page.goto(`${base}/meetings/${meetingId}`);
  await page.getByRole("link", { name: "Review this call" }).click();
  await expect(page.getByRole("heading", { name: "Review this call" })).toBeVisible(SLOW);
  await expect(page.getByRole("checkbox", { name: /Camille Fontaine/ })).toBeChecked();
  await page.getByLabel("Call recording link").fill("ftp://calls.example/1");
  await page.getByLabel("Time in the recording").fill("12:30");
  await page.getByRole("group", { name: "Rephrases the need" }).getByLabel(/^Acquired/).check();
  await page.getByRole("button", { name: "Save the assessment" }).click();
  // A level missing: said next to its criterion, what was picked kept.
  await expect(page.getByRole("group", { name: "Asks open questions" }).getByText("Choose a level for every criterion.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Rephrases the need" }).getByLabel(/^Acquired/)).toBeChecked();
  await page.getByRole("group", { name: "Asks open questions" }).getByLabel(/^Emerging/).check();
  await page.getByRole("button", { name: "Save the assessment" }).click();
  await expect(page.getByText("The recording link must start with http:// or https://.")).toBeVisible();
  await page.getByLabel("Call recording link").fill("https://calls.example/1");
  await page.getByLabel("Comment", { exact: true }).fill("Good rephrasing of the budget question");
  await page.getByLabel("Next step agreed").fill("Open every call with two open questions");
  await shots(page, "assess-en");
  await axe(page, "assessment form");
  await page.getByRole("button", { name: "Save the assessment" }).click();
  await expect(page.getByText("Assessment saved.")).toBeVisible(SLOW);
  await expect(page.getByRole("heading", { name: "Active listening" })).toBeVisible();
  const reviewId = (await prisma.qualAssessment.findFirstOrThrow({ where: { objectiveId, ritual: "CALL_REVIEW" }, include: { evidence: true } }));
  expect(reviewId.evidence.map((e) => e.meetingId)).toEqual([meetingId]);
  await shots(page, "page-am-en");
  await axe(page, "objective page (AM)");

  // The SDR reads their feedback, the trend of their own two points, and records a self-assessment beside it.
  await login(world.sdr);
  await page.goto(`${base}/objectives/qualitative/${objectiveId}`);
  await expect(page.getByText("Good rephrasing of the budget question")).toBeVisible();
  await expect(page.getByText("Next step: Open every call with two open questions")).toBeVisible();
  // The level chart's table (behind "Show the table"): one row per assessment, levels by name; and its CSV.
  const trend = page.locator("#level-trend");
  await expect(trend.locator("table tbody tr")).toHaveCount(2);
  await expect(trend.locator("table tbody tr").last()).toContainText("Acquired (2)");
  await expect(trend.getByRole("link", { name: "Download the data (CSV)" })).toHaveAttribute("href", /^data:text\/csv/);
  await page.getByRole("link", { name: "Record my self-assessment" }).click();
  await page.getByRole("group", { name: "Rephrases the need" }).getByLabel(/^Exemplary/).check();
  await page.getByRole("group", { name: "Asks open questions" }).getByLabel(/^Acquired/).check();
  await page.getByRole("button", { name: "Save the assessment" }).click();
  await expect(page.getByText("Assessment saved.")).toBeVisible(SLOW);
  const latest = page.locator("section", { has: page.getByRole("heading", { name: "Latest assessments" }) });
  await expect(latest.getByRole("row", { name: /Rephrases the need Acquired Exemplary/ })).toBeVisible();
  await page.getByRole("link", { name: /^Open: Manager's assessment/ }).first().click();
  await expect(page.getByRole("heading", { name: /Manager's assessment/ })).toBeVisible();
  await axe(page, "assessment page (SDR)");
  await shots(page, "assessment-en");

  // The client, in French: the objective and its team level at most; never an assessment.
  await prisma.user.update({ where: { id: world.clientAdmin.userId }, data: { locale: "fr" } });
  await login(world.clientAdmin);
  await page.goto(`${base}/objectives`);
  await expect(page.getByRole("heading", { name: "Objectifs qualitatifs" })).toBeVisible();
  await page.getByRole("link", { name: "Active listening" }).click();
  await expect(page.getByText("Les évaluations individuelles restent à l'agence")).toBeVisible();
  await expect(page.getByText("Good rephrasing of the budget question")).toHaveCount(0);
  await expect(page.getByText(world.sdr.name)).toHaveCount(0);
  await shots(page, "page-client-fr");
  await axe(page, "objective page (client, FR)");
  const res = await request.get(`${base}/objectives/qualitative/${objectiveId}/assessments/${reviewId.id}`, { headers: { Cookie: await cookieFor(world.clientAdmin) }, maxRedirects: 0 });
  expect(res.status()).toBe(404);

  // The AM in French: the page and the assessment form read in French too.
  await prisma.user.update({ where: { id: world.am.userId }, data: { locale: "fr" } });
  await login(world.am);
  await page.goto(`${base}/objectives/qualitative/${objectiveId}`);
  await expect(page.getByRole("heading", { name: "Niveau par critère dans le temps" })).toBeVisible();
  await shots(page, "page-am-fr");
  await page.getByRole("link", { name: "Enregistrer une évaluation" }).click();
  await shots(page, "assess-fr");
  await page.goto(`${base}/objectives/qualitative/new`);
  await shots(page, "new-fr");
  await axe(page, "nouvel objectif (FR)");
});

test("an AM starts from a built-in template of the library (French and English) and reaches the library from the form", async ({ page, world, login }) => {
  test.setTimeout(90_000);
  const base = `/campaigns/${world.campaign.id}`;
  await login(world.am);
  await page.goto(`${base}/objectives/qualitative/new`);
  // The built-in library is offered on a database where nobody has used it yet (nothing seeded).
  await page.getByRole("link", { name: "Adapt the pitch to the prospect's maturity" }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Adapt the pitch to the prospect's maturity");
  await expect(page.getByRole("textbox", { name: "Criterion 1 Behaviour observed", exact: true })).toHaveValue("Maturity identified");
  await page.getByLabel("Strategic stake").selectOption("GROWTH");
  await page.getByRole("button", { name: "Create the objective" }).click();
  await expect(page.getByText("Qualitative objective created.")).toBeVisible(SLOW);
  const objective = await prisma.objective.findFirstOrThrow({ where: { campaignId: world.campaign.id, kind: "QUALITATIVE" }, include: { gridVersions: true } });
  expect(objective.templateId).toBe("qt_builtin_pitch_maturity_en");
  expect((objective.gridVersions[0]!.grid as { criteria: { key: string }[] }).criteria.map((c) => c.key)).toEqual(["diagnosis", "angle"]);

  // In French the same library reads in French; its link leads an AM (not only the admin) to the library.
  await prisma.user.update({ where: { id: world.am.userId }, data: { locale: "fr" } });
  await login(world.am);
  await page.goto(`${base}/objectives/qualitative/new`);
  await expect(page.getByRole("link", { name: "Adapter le pitch à la maturité du prospect" })).toBeVisible();
  await page.getByRole("link", { name: /La bibliothèque de modèles/ }).click();
  await expect(page.getByRole("heading", { name: "Modèles d'objectifs qualitatifs" })).toBeVisible(SLOW);
});
