// The client's meeting rating criteria the calibration compares with the agency's grids, in the rating form's order.
export const CLIENT_CRITERIA = ["persona_fit", "decision_power", "real_need", "briefing"] as const;
export type ClientCriterion = (typeof CLIENT_CRITERIA)[number];
