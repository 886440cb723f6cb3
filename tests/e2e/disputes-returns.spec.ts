// Issue 9, disputes and returns in the browser: the attendance rule in the definition editor (the client approves it
// and reads it), a client disputing with each reason beyond the criteria and its text, the AM upholding with a
// replacement promised, the replacement owed listed on the homes and logged by the SDR from there (linked to the
// disputed meeting), a client member flagging a meeting to the admin with a note; in French and English, 1366 and
// 390 px.
import type { Page } from "@playwright/test";
import { DISPUTE_REASONS } from "~/domain/meetings/rules";
import { createActiveCampaignWithAgreement, createMeetingInState, proposedPersona } from "../factories";
import { confirmAction, expect as baseExpect, prisma, test, screenshot } from "./fixtures";

// Each test walks several pages and form posts as two or three people (four disputes in a row, say): more than the
// default 30 s when two workers share the machine.
test.describe.configure({ timeout: 150_000 });

// Each step posts a form and waits for the page to reload: slow on a loaded machine, so a longer wait than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

const SHOTS = "test-results/disputes-returns";
const toast = (page: Page) => page.getByRole("status");

async function shots(page: Page, userId: string, url: string, name: string) {
  for (const locale of ["fr", "en"] as const) {
    await prisma.user.update({ where: { id: userId }, data: { locale } });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `${SHOTS}/${name}-${locale}-${width}.png`);
    }
  }
  await prisma.user.update({ where: { id: userId }, data: { locale: "en" } });
}

test("the attendance rule is drafted in the definition editor, approved by the client, who reads it", async ({ page, world, login }) => {
  await proposedPersona(world.am, world.campaign.id);
  await login(world.am);
  await page.goto(`/campaigns/${world.campaign.id}/qualification/edit`);
  await expect(page.getByLabel("Attendance presumed after (hours)")).toHaveValue("48");
  await page.getByLabel("Attendance presumed after (hours)").fill("36");
  await page.getByRole("textbox", { name: "Criterion 1", exact: true }).fill("Speaks to a decision maker");
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(toast(page)).toHaveText("Draft saved.");
  await page.getByRole("button", { name: "Propose to the client" }).click();
  await expect(toast(page)).toHaveText("Proposed: the client admins have been notified.");

  await login(world.clientAdmin);
  await page.goto(`/campaigns/${world.campaign.id}/qualification`);
  const rules = page.getByRole("table", { name: "Comparison" });
  await expect(rules.getByRole("row", { name: /Attendance presumed after \(hours\)/ })).toContainText("36");
  await confirmAction(page.getByRole("region", { name: "Decision" }), "Approve", "Yes, approve it");
  await expect(toast(page)).toHaveText("Version approved.");
  const v = await prisma.definitionVersion.findFirstOrThrow({ where: { definition: { campaignId: world.campaign.id } } });
  expect([v.status, v.attendanceRuleHours]).toEqual(["APPROVED", 36]);
  await shots(page, world.clientAdmin.userId, `/campaigns/${world.campaign.id}/qualification`, "definition");
});

test("a client disputes with each reason beyond the criteria, with its text", async ({ page, world, login }) => {
  const a = await createActiveCampaignWithAgreement(world);
  await login(world.clientAdmin);
  for (const reason of DISPUTE_REASONS) {
    const id = await createMeetingInState(world, a, "held");
    await page.goto(`/campaigns/${world.campaign.id}/meetings/${id}`);
    const label = await page.getByLabel("Reason beyond the criteria").locator(`option[value="${reason}"]`).textContent();
    await page.getByLabel("Reason beyond the criteria").selectOption(reason);
    await page.getByLabel("Explain the reason").fill(`Why: ${reason}`);
    await page.getByLabel("Evidence (optional: a link or a short note)").fill(`https://crm.example/${reason}`);
    await page.getByRole("button", { name: "Dispute the meeting" }).click();
    const shown = page.getByTestId("dispute-reason");
    await expect(shown).toContainText(`${label}: Why: ${reason}`);
    await expect(shown).toContainText(`https://crm.example/${reason}`);
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect([m.verdict, m.disputeReason, m.disputeReasonText]).toEqual(["DISPUTED", reason, `Why: ${reason}`]);
  }
  // A reason without its text: the message is beside the field, nothing is disputed.
  const id = await createMeetingInState(world, a, "held");
  await page.goto(`/campaigns/${world.campaign.id}/meetings/${id}`);
  await page.getByLabel("Reason beyond the criteria").selectOption("DUPLICATE");
  await page.getByRole("button", { name: "Dispute the meeting" }).click();
  await expect(page.getByLabel("Explain the reason")).toHaveAttribute("aria-invalid", "true");
  expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).verdict).toBe("PENDING");
  const last = await prisma.meeting.findFirstOrThrow({ where: { campaignId: world.campaign.id, disputeReason: "PROSPECT_ABSENT" } });
  await shots(page, world.clientAdmin.userId, `/campaigns/${world.campaign.id}/meetings/${last.id}`, "dispute");
});

test("the AM upholds with a replacement promised; the replacement owed is listed on the homes and the SDR logs it from there", async ({ page, world, login }) => {
  const a = await createActiveCampaignWithAgreement(world);
  const id = await createMeetingInState(world, a, "held");
  await prisma.meeting.update({ where: { id }, data: { prospectName: "Camille Owed" } });
  await login(world.clientAdmin);
  await page.goto(`/campaigns/${world.campaign.id}/meetings/${id}`);
  await page.getByLabel("Reason beyond the criteria").selectOption("WRONG_CONTACT");
  await page.getByLabel("Explain the reason").fill("An intern, not the CFO.");
  await page.getByRole("button", { name: "Dispute the meeting" }).click();
  await expect(page.getByTestId("dispute-reason")).toBeVisible();

  await login(world.am);
  await page.goto(`/campaigns/${world.campaign.id}/meetings/${id}`);
  await page.getByLabel("Reasoning (the client sees it)").fill("Agreed: we will book the CFO.");
  await confirmAction(page, "Uphold and promise a replacement", "Uphold and owe a replacement", "A replacement meeting is owed to the client");
  await expect(page.getByTestId("replacement")).toHaveText("A replacement meeting is owed for this one.");
  await page.goto("/home");
  const owedAm = page.getByRole("region", { name: "Replacement meetings owed (1)" });
  await expect(owedAm.getByRole("link", { name: "Camille Owed (Groupe Vernet)", exact: true })).toHaveAttribute("href", `/campaigns/${world.campaign.id}/meetings/${id}`);

  // The client sees it owed; another client of the agency does not.
  await login(world.clientAdmin);
  await page.goto("/home");
  await expect(page.getByRole("region", { name: "Replacement meetings owed (1)" }).getByText(/Camille Owed/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Replacement meetings owed (1)" }).getByRole("link", { name: /Log the replacement/ })).toHaveCount(0);
  await shots(page, world.clientAdmin.userId, "/home", "owed-client-home");

  // The SDR logs the replacement from their home: the form comes prefilled with the meeting it replaces.
  await login(world.sdr);
  await page.goto("/home");
  await page.getByRole("region", { name: "Replacement meetings owed (1)" }).getByRole("link", { name: "Log the replacement of the meeting with Camille Owed" }).click();
  await expect(page.getByLabel("Replaces a disputed meeting")).toHaveValue(id);
  await page.getByLabel("Full name", { exact: true }).fill("Bastien Roux");
  await page.getByLabel("Email", { exact: true }).fill("bastien.roux@vernet.test");
  await page.getByLabel("Company", { exact: true }).fill("Groupe Vernet");
  const at = new Date(Date.now() + 4 * 86400_000);
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(at).replace(" ", "T");
  await page.getByLabel("Date and time (prospect's time)", { exact: true }).fill(local);
  for (const c of a.criteria) await page.getByRole("checkbox", { name: new RegExp(c.label.slice(0, 30)) }).check();
  await page.getByRole("button", { name: "Log the meeting" }).click();
  await expect(page.getByText("Meeting logged.")).toBeVisible();
  await expect(page.getByText("Replaces the disputed meeting with Camille Owed")).toBeVisible();
  const replacement = await prisma.meeting.findFirstOrThrow({ where: { prospectEmail: "bastien.roux@vernet.test" } });
  expect(replacement.replacesMeetingId).toBe(id);

  // No longer owed, on either side.
  await page.goto("/home");
  await expect(page.getByRole("region", { name: /Replacement meetings owed/ })).toHaveCount(0);
  await login(world.clientAdmin);
  await page.goto("/home");
  await expect(page.getByRole("region", { name: /Replacement meetings owed/ })).toHaveCount(0);
});

test("the campaign Overview shows the dispute and return rates; per SDR to the agency only", async ({ page, world, login }) => {
  const a = await createActiveCampaignWithAgreement(world);
  await createMeetingInState(world, a, "held");
  await createMeetingInState(world, a, "dispute_upheld");
  await createMeetingInState(world, a, "dispute_rejected");
  await createMeetingInState(world, a, "accepted");
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(d);
  const overview = `/campaigns/${world.campaign.id}?period=custom&from=${day(new Date(Date.now() - 5 * 86400_000))}&to=${day(new Date())}`;
  await login(world.am);
  await page.goto(overview);
  const rates = page.getByRole("region", { name: "Disputes and returns" });
  const row = rates.getByRole("row", { name: /This campaign/ });
  await expect(row).toContainText("4");
  await expect(row).toContainText("50%");
  await expect(row).toContainText("25%");
  await expect(rates.getByRole("figure", { name: /Dispute and return rates by SDR/ })).toBeVisible();
  await shots(page, world.am.userId, overview, "rates-agency");
  await login(world.clientAdmin);
  await page.goto(overview);
  await expect(page.getByRole("region", { name: "Disputes and returns" }).getByRole("row", { name: /This campaign/ })).toContainText("50%");
  await expect(page.getByRole("figure", { name: /Dispute and return rates by SDR/ })).toHaveCount(0);
});

test("a client member flags a held meeting to the admin with a note", async ({ page, world, login }) => {
  const a = await createActiveCampaignWithAgreement(world);
  const id = await createMeetingInState(world, a, "held");
  await login(world.clientMember);
  await page.goto(`/campaigns/${world.campaign.id}/meetings/${id}`);
  await expect(page.getByRole("button", { name: "Dispute the meeting" })).toHaveCount(0);
  await page.getByLabel(/^A note for /).fill("Was this really the CFO? Please check before accepting.");
  await page.getByRole("button", { name: "Flag it to the admin" }).click();
  await expect(toast(page)).toHaveText("Your client admins were told.");
  const n = await prisma.notification.findFirstOrThrow({ where: { meetingId: id, userId: world.clientAdmin.userId, kind: "MEETING_FLAGGED" } });
  expect(n.body).toContain("Was this really the CFO?");
  await shots(page, world.clientMember.userId, `/campaigns/${world.campaign.id}/meetings/${id}`, "flag");
});
