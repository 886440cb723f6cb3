import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/utils/auth.server";
import { orResponse } from "~/utils/http.server";
import { getOutboxAttachment } from "~/models/email-attachment.server";
import { attachmentDisposition } from "~/domain/shared/csv-download";
import { mediaType } from "~/domain/shared/file-size";

// The files the outbox sends are ours (a report's PDF, an .ics): served with their type; anything else as bytes.
const SERVED_AS_IS = new Set(["application/pdf", "text/calendar"]);

/** A file sent with an outbox email, exactly as it was delivered (agency admins; another agency's file is a 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "emails:read");
  const file = await orResponse(getOutboxAttachment(actor, params.emailId!, params.attachmentId!));
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": SERVED_AS_IS.has(mediaType(file.contentType)) ? file.contentType : "application/octet-stream",
      "Content-Disposition": attachmentDisposition(file.filename),
      "Content-Length": String(file.content.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
