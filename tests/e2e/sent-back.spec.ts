// Issue 9, the send-back loop: the agency's home lists the versions the client sent back with changes requested,
// with the client's comment, so the AM knows what to revise.
import { proposeVersion, requestVersionChanges } from "~/models/agreement/decisions.server";
import { saveDefinitionDraft, savePersonaDraft } from "~/models/agreement/drafts.server";
import { approvedAgreement, definitionInput, personaInput, proposedPersona } from "../factories";
import { escapeRegExp, expect, prisma, test, screenshot } from "./fixtures";

test("the AM's home lists a version sent back, with the client's comment, in both languages and on a phone", async ({ page, world, login }) => {
  const persona = await proposedPersona(world.am, world.campaign.id);
  await requestVersionChanges(world.clientAdmin, world.campaign.id, "persona", persona.versionId, 1, "Add Belgium and the Netherlands", "http://portal.test");
  await login(world.am);
  await page.goto("/home");
  const list = page.getByRole("region", { name: "1 version sent back by the client with changes requested" });
  await expect(list).toBeVisible();
  await expect(list.getByText("Add Belgium and the Netherlands")).toBeVisible();
  await expect(list.getByRole("link", { name: /version 1$/ })).toHaveAttribute("href", new RegExp(`v=${persona.versionId}$`));
  for (const locale of ["en", "fr"] as const) {
    await prisma.user.update({ where: { id: world.am.userId }, data: { locale } });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/home");
      if (locale === "fr") await expect(page.getByRole("region", { name: "1 version renvoyée par le client avec des modifications demandées" })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `test-results/sent-back/home-${locale}-${width}.png`);
    }
  }
});

// The revision answering a send-back is compared with the version the client sent back (not the one in force), with
// the comment they wrote beside it and how much changed since.
test("the client sees a revision compared with the version they sent back, beside their comment", async ({ page, world, login }) => {
  const origin = "http://portal.test";
  const c = world.campaign.id;
  const ids = await approvedAgreement(world.am, world.clientAdmin, c);
  const persona = (n: number) => prisma.personaVersion.findFirstOrThrow({ where: { personaId: ids.personaId, number: n } });
  const definition = (n: number) => prisma.definitionVersion.findFirstOrThrow({ where: { definition: { campaignId: c }, number: n } });

  // Persona: v2 proposed, sent back; v3 follows the comment.
  const v1 = await persona(1);
  const v2 = await savePersonaDraft(world.am, c, ids.personaId, personaInput({ geographies: ["Île-de-France"], baseVersionId: v1.id, revision: v1.revision }));
  await proposeVersion(world.am, c, "persona", v2.id, v2.revision, origin);
  await requestVersionChanges(world.clientAdmin, c, "persona", v2.id, (await persona(2)).revision, "Add Belgium and the Netherlands", origin);
  const sent = await persona(2);
  const v3 = await savePersonaDraft(world.am, c, ids.personaId, personaInput({ geographies: ["Île-de-France", "Belgium", "Netherlands"], baseVersionId: sent.id, revision: sent.revision }));
  await proposeVersion(world.am, c, "persona", v3.id, v3.revision, origin);

  // Definition: v2 proposed with a 3-day window, sent back; v3 proposed with nothing changed since.
  const d1 = await definition(1);
  const d2 = await saveDefinitionDraft(world.am, c, definitionInput({ disputeWindowDays: 3, baseVersionId: d1.id, revision: d1.revision }));
  await proposeVersion(world.am, c, "definition", d2.id, d2.revision, origin);
  await requestVersionChanges(world.clientAdmin, c, "definition", d2.id, (await definition(2)).revision, "Three days is too short for us", origin);
  const dSent = await definition(2);
  const d3 = await saveDefinitionDraft(world.am, c, definitionInput({ disputeWindowDays: 3, baseVersionId: dSent.id, revision: dSent.revision }));
  await proposeVersion(world.am, c, "definition", d3.id, d3.revision, origin);

  await login(world.clientAdmin);
  await page.goto(`/campaigns/${c}/targeting/${ids.personaId}`);
  await expect(page.getByRole("heading", { name: "Version 3 compared with version 2" })).toBeVisible();
  const note = page.getByRole("complementary", { name: "Version 2 was sent back with changes requested" });
  await expect(note.getByText("Add Belgium and the Netherlands")).toBeVisible();
  await expect(note.getByText(new RegExp(`^Sent back by ${escapeRegExp(world.clientAdmin.name)} on `))).toBeVisible();
  await expect(note.getByText("1 row changed since, highlighted below.")).toBeVisible();
  const table = page.getByRole("table", { name: "Comparison" });
  await expect(table.getByRole("columnheader", { name: "Version 2 (Changes requested)" })).toBeVisible();
  await expect(table.getByRole("row", { name: /Geographies.*Changed/ }).getByText("Belgium")).toBeVisible();
  // The version in force stays one click away.
  await note.getByRole("link", { name: "Compare with the version in force (version 1)" }).click();
  await expect(page.getByRole("heading", { name: "Version 3 compared with version 1" })).toBeVisible();

  await page.goto(`/campaigns/${c}/qualification`);
  await expect(page.getByRole("heading", { name: "Version 3 compared with version 2" })).toBeVisible();
  const dNote = page.getByRole("complementary", { name: "Version 2 was sent back with changes requested" });
  await expect(dNote.getByText("Three days is too short for us")).toBeVisible();
  await expect(dNote.getByText("Nothing has changed since the version sent back.")).toBeVisible();

  for (const locale of ["fr", "en"] as const) {
    await prisma.user.update({ where: { id: world.clientAdmin.userId }, data: { locale } });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/campaigns/${c}/targeting/${ids.personaId}`);
      if (locale === "fr") await expect(page.getByRole("complementary", { name: "La version 2 a été renvoyée avec des modifications demandées" })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `test-results/sent-back/revision-${locale}-${width}.png`);
    }
  }
});
