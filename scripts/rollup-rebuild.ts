// Recomputes the objectives rollup ("CampaignDayStat") from the meetings and activity rows.
// Run after restoring data or changing an agency's time zone: npm run rollup:rebuild
import { prisma } from "~/utils/db.server";
import { rebuildRollup } from "~/models/objectives/rollup.server";

const started = Date.now();
await rebuildRollup();
const rows = await prisma.campaignDayStat.count();
console.log(`Rollup rebuilt: ${rows} rows in ${Date.now() - started} ms.`);
await prisma.$disconnect();
