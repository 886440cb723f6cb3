// The export opens in a French spreadsheet: ";" by default for French users (a choice in the URL), and the filename
// keeps its accents (filename*) with an ASCII fallback.
import { attachmentDisposition, csvDelimiter } from "~/domain/shared/csv-download";

describe("CSV download", () => {
  it("uses semicolons for French users and commas otherwise, unless the user chose", () => {
    const u = (q = "") => new URL(`http://x/export${q}`);
    expect(csvDelimiter(u(), "fr")).toBe(";");
    expect(csvDelimiter(u(), "en")).toBe(",");
    expect(csvDelimiter(u(), null)).toBe(",");
    expect(csvDelimiter(u("?sep=comma"), "fr")).toBe(",");
    expect(csvDelimiter(u("?sep=semicolon"), "en")).toBe(";");
    expect(csvDelimiter(u("?sep=tab"), "fr")).toBe(";");
  });

  it("keeps accents in filename* and gives an ASCII fallback without quotes or separators", () => {
    const d = attachmentDisposition('meetings-Opération "Rentrée"/été.csv');
    expect(d).toBe(`attachment; filename="meetings-Operation -Rentree-ete.csv"; filename*=UTF-8''meetings-Op%C3%A9ration%20-Rentr%C3%A9e-%C3%A9t%C3%A9.csv`);
    expect(decodeURIComponent(d.split("UTF-8''")[1])).toBe("meetings-Opération -Rentrée-été.csv");
  });
});
