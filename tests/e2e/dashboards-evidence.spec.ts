// Issue 12, the persona evidence as people use it: an account manager reads what the client's verdicts say on the
// Targeting tab, starts the next persona draft from it (the evidence attached) and proposes it; the client admin
// opens the proposal and reads the evidence beside it, in French.
import { createActiveCampaignWithAgreement, createMeetingInState } from "../factories";
import { expect, hydrated, prisma, test } from "./fixtures";

test.use({ timezoneId: "Europe/Paris" });

test("an AM drafts a persona version from the evidence; the client sees the evidence with the proposal", async ({ page, world, login }) => {
  test.setTimeout(120_000);
  const a = await createActiveCampaignWithAgreement(world);
  const meeting = (state: "accepted" | "dispute_upheld", industry: string, title: string, hours: number) =>
    createMeetingInState(world, a, state, { hoursFromNow: hours, input: { prospectIndustry: industry, prospectTitle: title } });
  let h = -30;
  for (let i = 0; i < 4; i += 1) await meeting("accepted", "Logistics", "Directeur supply chain", (h -= 5));
  await meeting("dispute_upheld", "Logistics", "Responsable achats", (h -= 5));
  for (let i = 0; i < 3; i += 1) await meeting("dispute_upheld", "Retail", "Acheteur", (h -= 5));
  await meeting("accepted", "Retail", "Directeur des opérations", (h -= 5));
  await prisma.user.updateMany({ where: { id: { in: [world.am.userId, world.clientAdmin.userId] } }, data: { timeZone: "Europe/Paris" } });
  const base = `/campaigns/${world.campaign.id}/targeting`;

  // The AM reads the evidence in sentences and starts a draft from it.
  await login(world.am);
  await page.goto(base);
  const evidence = page.locator("section", { has: page.getByRole("heading", { name: "What the evidence says" }) });
  await expect(evidence.getByText("From the client's verdicts on 9 meetings: 5 accepted, 4 disputed.")).toBeVisible();
  await expect(evidence.getByText(/Industry: accepted 80\s?% in Logistics \(5 meetings\), 25\s?% in Retail \(4 meetings\)\./)).toBeVisible();
  await expect(evidence.getByText(/4 of 4 disputes on .+ came from titles without .directeur./)).toBeVisible();
  const start = evidence.getByRole("button", { name: "Start a new persona draft from this evidence" });
  await hydrated(start);
  await start.click();
  await expect(page).toHaveURL(new RegExp(`${base}/${a.persona.id}\\?v=`), { timeout: 20_000 });
  await expect(page.getByText("A new draft was started with the evidence attached")).toBeVisible();
  const attached = page.locator("section", { has: page.getByRole("heading", { name: "The evidence behind this version" }) });
  await expect(attached.getByText(/accepted 80\s?% in Logistics/)).toBeVisible();

  // The draft is the next version, holds the evidence, and goes to the client.
  const draft = await prisma.personaVersion.findFirstOrThrow({ where: { personaId: a.persona.id, status: "DRAFT" } });
  expect(draft.number).toBe(a.personaVersion.number + 1);
  expect(draft.evidence).not.toBeNull();
  await page.getByRole("button", { name: "Propose to the client" }).click();
  await expect.poll(async () => (await prisma.personaVersion.findUniqueOrThrow({ where: { id: draft.id } })).status, { timeout: 20_000 }).toBe("PROPOSED");

  // The client admin, in French, opens the proposal and reads the evidence beside it.
  await page.context().clearCookies();
  await prisma.user.update({ where: { id: world.clientAdmin.userId }, data: { locale: "fr" } });
  await login(world.clientAdmin);
  await page.goto(`${base}/${a.persona.id}?v=${draft.id}`);
  const forClient = page.locator("section", { has: page.getByRole("heading", { name: "Les faits à l'appui de cette version" }) });
  await expect(forClient).toBeVisible();
  await expect(forClient.getByText(/Secteur\s?: 80\s?% acceptés pour Logistics \(5 rendez-vous\), 25\s?% pour Retail \(4 rendez-vous\)\./)).toBeVisible();
  await expect(forClient.getByText(/4 des 4 contestations sur .+ venaient d'intitulés sans .+directeur.+\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Demander des modifications" })).toBeVisible();
});
