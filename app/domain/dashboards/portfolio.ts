// The portfolio's sort keys, status filter and page size: shared by its model and its route's query schema.
export const PORTFOLIO_SORTS = ["name", "client", "booked", "held", "accepted", "acceptanceRate", "averageRating", "atRisk", "openDisputes"] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
export const PORTFOLIO_STATUSES = ["ACTIVE", "PAUSED", "DRAFT", "COMPLETED"] as const;
export const PORTFOLIO_PAGE_SIZE = 25;
