import { useT } from "~/utils/i18n";

/**
 * The export's choices (issue 9): the separator (semicolon by default in French, comma in English) and the UTF-8 BOM,
 * in a disclosure beside the list. A plain GET form to the export route carrying the list's filters, so it works
 * before JavaScript loads and the browser downloads the file without leaving the list. On a phone the choices open
 * in the flow under the button (the button may have wrapped to the left edge, where a panel hung from its right
 * would leave the screen).
 */
export function ExportOptions({ action, query }: { action: string; query: string }) {
  const { t, locale, timeZone } = useT();
  const params = [...new URLSearchParams(query).entries()].filter(([k]) => k !== "sep" && k !== "bom" && k !== "cursor" && k !== "index");
  const semicolonFirst = locale === "fr";
  return (
    <details className="relative" data-testid="export-options">
      <summary className="btn-secondary cursor-pointer list-none">{t("meetings.export")}</summary>
      <form method="get" action={action} className="card absolute right-0 z-20 mt-2 w-[min(22rem,calc(100vw-2rem))] space-y-3 text-sm shadow-lg max-sm:static">
        {params.map(([k, v], i) => (
          <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
        ))}
        <fieldset>
          <legend className="font-medium text-slate-700">{t("meetings.export.separator")}</legend>
          {(["semicolon", "comma"] as const).map((sep) => (
            <label key={sep} className="mt-1 flex items-start gap-2">
              <input type="radio" name="sep" value={sep} defaultChecked={(sep === "semicolon") === semicolonFirst} className="mt-1" />
              <span>{t(`meetings.export.separator.${sep}`)}</span>
            </label>
          ))}
        </fieldset>
        <input type="hidden" name="bom" value="0" />
        <label className="flex items-start gap-2">
          <input type="checkbox" name="bom" value="1" defaultChecked className="mt-1" />
          <span>{t("meetings.export.bom")}</span>
        </label>
        <p className="text-xs text-slate-500">{t("meetings.export.hint", { zone: timeZone })}</p>
        <button type="submit" className="btn-primary">{t("meetings.export.download")}</button>
      </form>
    </details>
  );
}
