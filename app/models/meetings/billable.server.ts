// One path for what follows a billable meeting. A meeting becomes billable three ways (the client accepts it, the
// sweep accepts it when the review window closes, the agency rejects a dispute); all three call
// meetingBecameBillable inside the transaction of that change, so whatever billing needs is written exactly when
// the meeting becomes billable, never twice and never for a rolled-back change.
import type { Tx } from "~/utils/db.server";
import type { ChangeEffects } from "../effects.server";
import { recordBillableMeetings } from "../billing/ledger.server";
import { emitMeetingEvent } from "../webhooks/events.server";

/** The facts every follower of a billable meeting needs. */
export type BillableMeeting = { id: string; agencyId: string; clientCompanyId: string; campaignId: string };

/** Called inside the change's transaction by every path that makes meetings billable. */
export async function meetingBecameBillable(tx: Tx, fx: ChangeEffects, meetings: BillableMeeting[], now: Date) {
  if (!meetings.length) return;
  const ids = meetings.map((m) => m.id);
  // One ledger item per billable meeting, at the price in force today (unique in the database).
  await recordBillableMeetings(tx, ids, now);
  fx.billableMeetingIds.push(...ids);
  for (const m of meetings) await emitMeetingEvent(tx, fx, m, "meeting.billable", {}, now);
}
