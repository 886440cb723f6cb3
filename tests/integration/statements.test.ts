// Round trips per page: a page's loaders together (root, layouts, the page, as Remix runs them for a document
// request) send at most a fixed number of SQL statements, whatever the data size. A regression (an N+1, a lookup
// repeated per loader) fails here; the bench measures the time (bench/README.md).
import { createSession } from "~/utils/auth.server";
import { countStatements } from "~/utils/sql-stats.server";
import { createObjective } from "~/models/objectives/objectives.server";
import { objectiveSchema } from "~/domain/objectives/schemas";
import { startOfMonth, todayIn } from "~/domain/objectives/dates";
import { loader as rootLoader } from "~/root";
import { loader as appLoader } from "~/routes/_app+/_layout";
import { loader as homeLoader } from "~/routes/_app+/home";
import { loader as campaignLayout } from "~/routes/_app+/campaigns+/$campaignId+/_layout";
import { loader as overviewLoader } from "~/routes/_app+/campaigns+/$campaignId+/_index";
import { loader as objectivesLoader } from "~/routes/_app+/campaigns+/$campaignId+/objectives+/_index";
import { loader as meetingsLoader } from "~/routes/_app+/campaigns+/$campaignId+/meetings+/_index";
import { createActiveCampaignWithAgreement, createAgencyWithClient, type AgencyWorld } from "../factories";
import { requestWithSession } from "./helpers";
import type { Actor } from "~/utils/auth.server";

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

/** The statements of a document request: every loader of the matched routes, in parallel as Remix runs them. */
async function statementsOf(actor: Actor, path: string, loaders: Loader[], params: Record<string, string> = {}) {
  const session = await createSession(actor.userId);
  // A fresh session is "seen" now: the once-every-5-minutes write does not happen here, as on most requests.
  const request = await requestWithSession(session.id, `http://localhost${path}`);
  const { stats } = await countStatements(() => Promise.all(loaders.map((l) => l({ request, params, context: {} }))));
  return stats;
}

const show = (s: { statements?: { sql: string }[] }) => (s.statements ?? []).map((x, i) => `${i + 1}. ${x.sql.replace(/\s+/g, " ").slice(0, 160)}`).join("\n");

let w: AgencyWorld;

beforeEach(async () => {
  w = await createAgencyWithClient();
  await createActiveCampaignWithAgreement(w);
  for (const [metric, target] of [["MEETINGS_BOOKED", "20"], ["DIALS", "400"], ["SHOW_RATE", "80"]] as const) {
    const input = objectiveSchema.parse({ metric, target, scope: "TEAM", periodKind: "MONTH", recurring: "on", startsOn: startOfMonth(todayIn("Europe/Paris")), stake: "GROWTH", why: "Bench" });
    await createObjective(w.am, w.campaign.id, input);
  }
});

// The caps are today's counts (a regression fails): the bell's unread count is read with the actor (one statement);
// the campaign layout's header, the agency's settings and a campaign's days off are read once per request; the homes also read
// rituals due, reports due and the replacements owed (one statement; the meetings list too); the Overview is the full dashboard (its sections' grouped reads). Lower them as pages get leaner.
describe("SQL statements per page (document request: root, layouts and page loaders)", () => {
  const params = () => ({ campaignId: w.campaign.id });
  it.each([
    ["AM home", () => statementsOf(w.am, "/home", [rootLoader, appLoader, homeLoader] as Loader[]), 27],
    ["client admin home", () => statementsOf(w.clientAdmin, "/home", [rootLoader, appLoader, homeLoader] as Loader[]), 19],
    ["Objectives tab", () => statementsOf(w.am, `/campaigns/${w.campaign.id}/objectives`, [rootLoader, appLoader, campaignLayout, objectivesLoader] as Loader[], params()), 9],
    ["campaign Overview", () => statementsOf(w.clientAdmin, `/campaigns/${w.campaign.id}`, [rootLoader, appLoader, campaignLayout, overviewLoader] as Loader[], params()), 17],
    ["meetings list", () => statementsOf(w.am, `/campaigns/${w.campaign.id}/meetings`, [rootLoader, appLoader, campaignLayout, meetingsLoader] as Loader[], params()), 13],
  ])("%s", async (_name, run, max) => {
    const stats = await run();
    console.log(`${_name}: ${stats.count} statements\n${show(stats)}`);
    expect(stats.count, show(stats)).toBeLessThanOrEqual(max as number);
  });
});
