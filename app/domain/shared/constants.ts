// Values both the agreement and the meetings use: defined once.

/** How a meeting takes place; the definition's allowed channels and a meeting's channel draw from the same list. */
export const CHANNELS = ["VIDEO", "PHONE", "ON_SITE"] as const;
export type Channel = (typeof CHANNELS)[number];
