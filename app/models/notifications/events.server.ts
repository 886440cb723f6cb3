// Notifying events whose change lives in another area's code still being written: the reports helper calls
// `notifyReportSent` in the transaction that sends a report, the rituals job calls `notifyRitualDue`. Both go through
// the one path (`notify`): the inbox, and an email at once for who chose it; the caller hands the ids to `fx.emails`.
import type { Tx } from "~/utils/db.server";
import { translate } from "~/i18n";
import { notify } from "./write.server";

/** A report was sent to the client: its users are told (report list of the campaign). */
export function notifyReportSent(
  tx: Tx,
  input: { agencyId: string; campaignId: string; campaignName: string; reportName: string; href: string; actorUserId?: string | null },
) {
  return notify(tx, {
    agencyId: input.agencyId,
    campaignId: input.campaignId,
    kind: "REPORT_SENT",
    href: input.href,
    actorUserId: input.actorUserId,
    text: (locale) => ({
      title: translate(locale, "notifications.reportSent.title", { name: input.reportName }),
      body: translate(locale, "notifications.reportSent.body", { campaign: input.campaignName }),
    }),
  });
}

/** A ritual (a campaign's recurring review) is due: the AM and the campaign's SDRs are told. */
export function notifyRitualDue(
  tx: Tx,
  input: { agencyId: string; campaignId: string; campaignName: string; ritualName: string; when: (locale: "en" | "fr") => string; href: string; onlyUserIds?: string[] },
) {
  return notify(tx, {
    agencyId: input.agencyId,
    campaignId: input.campaignId,
    kind: "RITUAL_DUE",
    href: input.href,
    onlyUserIds: input.onlyUserIds,
    text: (locale) => ({
      title: translate(locale, "notifications.ritualDue.title", { name: input.ritualName }),
      body: translate(locale, "notifications.ritualDue.body", { campaign: input.campaignName, when: input.when(locale) }),
    }),
  });
}
