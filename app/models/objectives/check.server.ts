// The objectives' scheduled check (the objective-check job, hourly): freezes closed periods' results and emails the
// AM when an objective turns off track (once per objective and period).
import { checkObjectives } from "~/models/objectives/homes.server";
import { enqueueEmails } from "~/services/queue.server";

/** One pass of the check (also callable from tests and scripts); queues the emails it wrote. */
export async function runObjectiveCheck(now = new Date()) {
  const r = await checkObjectives(now);
  await enqueueEmails(r.outboxIds);
  return r;
}
