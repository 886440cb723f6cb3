// One factories module for the seed, Vitest and Playwright: accounts, the agreement, meetings in any state.
// Every builder goes through the real domain functions, so test data obeys the same rules as real data.
export * from "./accounts";
export * from "./agreement";
export * from "./meetings";
export * from "./billing";
