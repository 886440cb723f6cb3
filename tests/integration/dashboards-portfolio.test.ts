// The portfolio sorts and cuts its page in SQL: the right rows on each page whatever the sort, nulls last both ways,
// totals over every campaign (not the page), and a client sees only its company's campaigns.
import { prisma } from "~/utils/db.server";
import { createCampaign } from "~/models/campaign.server";
import { createClient } from "~/models/client.server";
import { portfolio, type PortfolioInput } from "~/models/dashboards/portfolio.server";
import { PORTFOLIO_PAGE_SIZE } from "~/domain/dashboards/portfolio";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState } from "../factories";

const input = (over: Partial<PortfolioInput>): PortfolioInput => ({ kind: "quarter", sort: "name", dir: "asc", page: 1, ...over });

it("sorts, paginates and totals in SQL, in the actor's scope", async () => {
  const w = await createAgencyWithClient({ campaignName: "Campaign 00 live" });
  const a = await createActiveCampaignWithAgreement(w);
  for (const state of ["accepted", "accepted", "dispute_upheld", "disputed", "held"] as const) await createMeetingInState(w, a, state, { hoursFromNow: -30 });
  const extra = PORTFOLIO_PAGE_SIZE + 3;
  for (let i = 1; i <= extra; i += 1) await createCampaign(w.am, { clientCompanyId: w.client.id, name: `Campaign ${String(i).padStart(2, "0")}` });
  const other = await createClient(w.admin, { name: "Other client", currency: "EUR", accountManagerId: w.am.userId });
  await createCampaign(w.am, { clientCompanyId: other.id, name: "Campaign zz other" });
  const total = extra + 2;

  // By name: two pages, in order, the second one the rest.
  const names = (await prisma.campaign.findMany({ where: { agencyId: w.agency.id }, select: { name: true } })).map((c) => c.name).sort();
  const p1 = await portfolio(w.admin, input({}));
  const p2 = await portfolio(w.admin, input({ page: 2 }));
  if (!p1.ok || !p2.ok) throw new Error("portfolio failed");
  expect(p1.total).toBe(total);
  expect(p1.pages).toBe(2);
  expect([...p1.rows, ...p2.rows].map((r) => r.name)).toEqual(names);
  expect(p2.rows.length).toBe(total - PORTFOLIO_PAGE_SIZE);
  // A page past the end shows the last one.
  expect((await portfolio(w.admin, input({ page: 9 }))).ok && (await portfolio(w.admin, input({ page: 9 })) as typeof p2).page).toBe(2);

  // By figures: the live campaign first when descending, and first too when ascending on a rate (others have none).
  const direct = await prisma.meeting.count({ where: { campaignId: w.campaign.id } });
  const booked = await portfolio(w.admin, input({ sort: "booked", dir: "desc" }));
  if (!booked.ok) throw new Error("portfolio failed");
  expect(booked.rows[0]).toMatchObject({ id: w.campaign.id, booked: direct, openDisputes: 1, acceptanceRate: 40 });
  expect(booked.totals).toMatchObject({ booked: direct, openDisputes: 1 });
  const rateAsc = await portfolio(w.admin, input({ sort: "acceptanceRate", dir: "asc" }));
  if (!rateAsc.ok) throw new Error("portfolio failed");
  expect(rateAsc.rows[0].id).toBe(w.campaign.id);
  expect(rateAsc.rows.slice(1).every((r) => r.acceptanceRate === null)).toBe(true);
  const disputes = await portfolio(w.admin, input({ sort: "openDisputes", dir: "asc", page: 2 }));
  if (!disputes.ok) throw new Error("portfolio failed");
  expect(disputes.rows.at(-1)!.id).toBe(w.campaign.id);

  // The client admin: only the company's campaigns; a filter and a search narrow the ids before the page.
  const client = await portfolio(w.clientAdmin, input({}));
  if (!client.ok) throw new Error("portfolio failed");
  expect(client.total).toBe(total - 1);
  expect(client.rows.some((r) => r.name === "Campaign zz other")).toBe(false);
  const search = await portfolio(w.admin, input({ q: "zz other" }));
  expect(search.ok && search.rows.map((r) => r.name)).toEqual(["Campaign zz other"]);
});
