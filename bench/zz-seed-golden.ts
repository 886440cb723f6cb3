import { ensureBenchData } from "./seed";
const t = Date.now();
await ensureBenchData(process.env.DATABASE_URL!, "rdv_bench_full", 1_000_000);
console.log("seeded in", (Date.now() - t) / 1000, "s");
