// The CSV import of 100,000 rows (< 30 s, peak RSS < 300 MB, issue 12): not written yet. See bench/README.md.
export async function runImport(_url: string) {
  console.log("\nCSV import of 100,000 rows: not implemented yet (bench/import.ts); tests/integration/meeting-import.test.ts measures the import's memory at a smaller size.");
}
