import { formatFileSize, mediaType } from "~/domain/shared/file-size";
import { useT } from "~/utils/i18n";

export type AttachmentRow = { id: string; filename: string; contentType: string; size: number };

const href = (emailId: string, a: AttachmentRow) => `/emails/${emailId}/attachments/${a.id}`;

/** The files of an email, on its row of the outbox: name (a download link), type and size, one per line. */
export function AttachmentLines({ emailId, attachments }: { emailId: string; attachments: AttachmentRow[] }) {
  const { t, locale } = useT();
  if (attachments.length === 0) return null;
  return (
    <ul aria-label={t("agency.emails.attachments")} className="mt-1 space-y-0.5 text-xs">
      {attachments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-baseline gap-x-2">
          <a href={href(emailId, a)} download={a.filename} className="link break-all" title={t("agency.emails.attachment.download", { name: a.filename })}>
            {a.filename}
          </a>
          <span className="whitespace-nowrap text-slate-500">{mediaType(a.contentType)} · {formatFileSize(locale, a.size)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The files of one email, on its page: a table of name, type and size, each with its download link. */
export function AttachmentTable({ emailId, attachments }: { emailId: string; attachments: AttachmentRow[] }) {
  const { t, locale } = useT();
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="email-attachments" className="card overflow-x-auto p-0">
      <h2 id="email-attachments" className="px-4 pt-4 text-sm font-semibold">{t("agency.emails.attachments")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t("agency.emails.attachment.name")}</th>
            <th>{t("agency.emails.attachment.type")}</th>
            <th className="text-right">{t("agency.emails.attachment.size")}</th>
          </tr>
        </thead>
        <tbody>
          {attachments.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={href(emailId, a)} download={a.filename} className="link break-all" title={t("agency.emails.attachment.download", { name: a.filename })}>
                  {a.filename}
                </a>
              </td>
              <td className="whitespace-nowrap text-slate-600">{mediaType(a.contentType)}</td>
              <td className="whitespace-nowrap text-right tabular-nums">{formatFileSize(locale, a.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
