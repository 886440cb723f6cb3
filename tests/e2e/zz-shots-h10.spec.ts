// Temporary: screenshots of the Objectives tab, an objective's gap analysis and a qualitative objective's level chart,
// FR and EN, 1366 and 390 px, as the AM and the client admin (deleted before the branch's last commit).
import type { Page } from "@playwright/test";
import { setCampaignSdrs } from "~/models/campaign.server";
import { addGapAnalysis, createObjective } from "~/models/objectives/objectives.server";
import { createQualitativeObjective, recordAssessment } from "~/models/qualitative/qualitative.server";
import { gapSchema, objectiveSchema } from "~/domain/objectives/schemas";
import { addDays, startOfMonth, todayIn } from "~/domain/objectives/dates";
import { createActiveCampaignWithAgreement } from "../factories";
import { expect, prisma, test } from "./fixtures";

test.use({ timezoneId: "Europe/Paris" });

const levels = (n: string, e: string, a: string, x: string) => ({ not_observed: n, emerging: e, acquired: a, exemplary: x });
const GRID = {
  criteria: [
    { key: "rephrase", label: "Rephrases the need", levels: levels("Never", "When prompted", "Before pitching", "And checks agreement") },
    { key: "questions", label: "Asks open questions", levels: levels("Closed only", "A few", "Lead the call", "Uncover weak signals") },
  ],
};

async function shots(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/screens/h10-${name}-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width}px is wider than the screen`).toBeLessThanOrEqual(1);
    const html = await page.content();
    expect(html, `${name}: a raw translation key`).not.toMatch(/>(objectives|common|qual)\.[a-z]+\.[a-zA-Z.]+</);
  }
}

test("shots", async ({ page, world, login }) => {
  test.setTimeout(300_000);
  await createActiveCampaignWithAgreement(world);
  await setCampaignSdrs(world.am, world.campaign.id, [world.sdr.userId, world.otherSdr.userId]);
  const today = todayIn("Europe/Paris");
  const make = (metric: string, target: string, scope = "TEAM", sdrId?: string) =>
    createObjective(world.am, world.campaign.id, objectiveSchema.parse({ metric, target, scope, sdrId, periodKind: "MONTH", recurring: "on", startsOn: startOfMonth(today), stake: "GROWTH", why: "Pipeline for Q1" }));
  const booked = await make("MEETINGS_BOOKED", "40");
  await make("DIALS", "1200");
  await make("SHOW_RATE", "80");
  await make("DIALS", "500", "SDR", world.sdr.userId);
  await addGapAnalysis(world.am, booked.id, gapSchema.parse({ lever: "TARGETING", diagnosis: "Too many small companies in the list", action: "Re-target companies above 200 employees", ownerId: world.am.userId, dueDate: addDays(today, 7) }));
  const qual = await createQualitativeObjective(world.am, world.campaign.id, {
    title: "Active listening", need: "Meetings lack a real need", verb: "Rephrase the need before pitching", behaviours: ["Rephrase"], stake: "GROWTH",
    ritual: "ONE_TO_ONE", cadence: "WEEKLY", sdrId: null, startsOn: addDays(today, -28), grid: GRID,
  });
  const steps: [number, string, string][] = [[-21, "not_observed", "not_observed"], [-14, "emerging", "not_observed"], [-7, "acquired", "emerging"], [0, "exemplary", "acquired"]];
  for (const [d, a, b] of steps) {
    await recordAssessment(world.am, qual.id, { sdrId: world.sdr.userId, kind: "MANAGER", ritual: "ONE_TO_ONE", day: addDays(today, d), levels: { rephrase: a, questions: b }, meetingIds: [] } as never);
  }
  const base = `/campaigns/${world.campaign.id}/objectives`;
  for (const [who, actor] of [["am", world.am], ["client", world.clientAdmin]] as const) {
    for (const locale of ["en", "fr"] as const) {
      await prisma.user.update({ where: { id: actor.userId }, data: { locale } });
      await login(actor);
      await page.goto(base);
      await shots(page, `${who}-tab-${locale}`);
      await page.goto(`${base}/${booked.id}`);
      await shots(page, `${who}-gap-${locale}`);
      await page.goto(`${base}/qualitative/${qual.id}`);
      await shots(page, `${who}-qual-${locale}`);
    }
  }
});
