// Playwright fixtures: `login(actor)` signs a browser in without typing a password (a real session row and a
// signed cookie), and `world` builds an agency with every role through the shared factories.
import { test as base, expect, type Page } from "@playwright/test";
import { prisma } from "~/utils/db.server";
import { createSession, sessionCookie, type Actor } from "~/utils/auth.server";
import { createAgencyWithClient, type AgencyWorld } from "../factories";

export type LoginFn = (actor: Actor, page?: Page) => Promise<void>;

export const test = base.extend<{ world: AgencyWorld; login: LoginFn }>({
  world: async ({}, use) => {
    await use(await createAgencyWithClient());
  },
  login: async ({ page, context, baseURL }, use) => {
    await use(async (actor, target) => {
      const session = await createSession(actor.userId, "playwright");
      const header = await sessionCookie.serialize(session.id);
      const value = header.split(";")[0].split("=").slice(1).join("=");
      const ctx = target ? target.context() : context;
      await ctx.clearCookies();
      await ctx.addCookies([{ name: "rdv_session", value, url: baseURL! }]);
      void page;
    });
  },
});

export { expect, prisma };
