// One file sent with an outbox email (a report's PDF, a calendar invitation's .ics), for the agency admins who read the
// Emails page: scoped by the email's agency, so another agency's file (or a file of another email) answers 404.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { notFound } from "~/domain/shared/errors";

export async function getOutboxAttachment(actor: Actor, emailId: string, attachmentId: string) {
  assertCan(actor, "emails:read");
  const file = await prisma.emailAttachment.findFirst({
    where: { id: attachmentId, emailId, email: { agencyId: actor.agencyId } },
    select: { filename: true, contentType: true, content: true, size: true },
  });
  if (!file) throw notFound();
  return file;
}
