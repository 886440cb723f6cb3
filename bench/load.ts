// 100 simulated users for 60 s (issue 12): not written yet. See bench/README.md, "What is left".
export async function runLoad(_base: string, _db: string, _port: number) {
  console.log("\n100 simulated users: not implemented yet (bench/load.ts); see bench/README.md.");
}
