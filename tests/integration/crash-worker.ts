// The app's background worker as a process of its own, for the crash test (notifications-crash.test.ts): it starts
// every job exactly as the server entry does with RUN_JOBS (startBackgroundWork, which sweeps the outbox first) and
// runs until it is killed. DATABASE_URL, RESEND_API_KEY and RESEND_BASE_URL come from the test.
import { startBackgroundWork } from "~/jobs/worker.server";

await startBackgroundWork({ pollingIntervalSeconds: 0.5 });
console.log(`worker ready after ${(performance.now() / 1000).toFixed(1)} s`);
setInterval(() => {}, 60_000);
