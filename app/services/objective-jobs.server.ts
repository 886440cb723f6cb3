// The objectives' background work on the shared pg-boss queue: an hourly check that freezes closed periods'
// results and emails the AM when an objective turns off track (once per objective and period).
import type PgBoss from "pg-boss";
import { checkObjectives } from "~/models/objectives/objectives.server";
import { enqueueEmails } from "./jobs.server";

export const OBJECTIVE_QUEUES = { check: "objective-check" } as const;

export async function registerObjectiveWork(boss: PgBoss) {
  await boss.createQueue(OBJECTIVE_QUEUES.check, { name: OBJECTIVE_QUEUES.check, policy: "singleton" });
  await boss.work(OBJECTIVE_QUEUES.check, { pollingIntervalSeconds: 60 }, async () => {
    await runObjectiveCheck();
  });
  await boss.schedule(OBJECTIVE_QUEUES.check, "7 * * * *");
}

/** One pass of the check (also callable from tests and scripts); queues the emails it wrote. */
export async function runObjectiveCheck(now = new Date()) {
  const r = await checkObjectives(now);
  await enqueueEmails(r.outboxIds);
  return r;
}
