// Dispute and return rates (issue 9): read from the rollup's counters, never from meeting rows. Pure.

export type DisputeRates = { held: number; disputed: number; upheld: number; disputeRate: number | null; returnRate: number | null };

/**
 * Dispute rate: disputes opened (open, upheld or rejected) per meeting held; return rate: disputes upheld (the
 * meeting is not billed) per meeting held. Percentages 0-100, null when nothing was held.
 */
export function disputeRates(c: { held: number; disputed: number; upheld: number }): DisputeRates {
  const rate = (n: number) => (c.held > 0 ? (n / c.held) * 100 : null);
  return { held: c.held, disputed: c.disputed, upheld: c.upheld, disputeRate: rate(c.disputed), returnRate: rate(c.upheld) };
}
