// Demo webhooks: one endpoint of the demo agency (a CRM's address: nothing is sent from the demo, the rows are
// written as the worker would have) with a few deliveries of the agency's latest meetings in its log, one of which
// failed before it succeeded. Call after the meetings: `await seedDemoWebhooks(agencyId, adminUserId)`.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { envelope, newEventId, newWebhookSecret } from "~/domain/webhooks/events";
import { apiMeeting } from "~/models/webhooks/events.server";
import { sealSecret } from "~/services/secret-box.server";

export async function seedDemoWebhooks(agencyId: string, adminUserId: string, now = new Date()) {
  if (await prisma.webhookEndpoint.count({ where: { agencyId } })) return 0;
  const endpoint = await prisma.webhookEndpoint.create({
    data: {
      agencyId,
      url: "https://crm.example.com/hooks/rendezvous",
      description: "CRM sync (demo)",
      events: ["meeting.created", "meeting.status_changed", "meeting.reviewed"],
      secret: sealSecret(newWebhookSecret()),
      createdById: adminUserId,
      createdAt: new Date(now.getTime() - 3 * 86400_000),
    },
  });
  const meetings = await prisma.meeting.findMany({ where: { agencyId }, orderBy: { createdAt: "desc" }, take: 4, select: { id: true } });
  let i = 0;
  for (const m of meetings) {
    const at = new Date(now.getTime() - (meetings.length - i) * 3 * 3600_000);
    const eventId = newEventId();
    const payload = envelope(eventId, "meeting.created", at, { meeting: await apiMeeting(prisma, m.id) }) as unknown as Prisma.InputJsonValue;
    // The second one met a receiver down for maintenance: a 503, then a success 30 seconds later.
    const failedFirst = i === 1;
    const attempts = failedFirst
      ? [
          { at, responseCode: 503, durationMs: 212, ok: false, error: "HTTP 503", responseExcerpt: "Service Unavailable" },
          { at: new Date(at.getTime() + 30_000), responseCode: 200, durationMs: 96, ok: true, error: null, responseExcerpt: "{\"received\":true}" },
        ]
      : [{ at, responseCode: 200, durationMs: 80 + i * 17, ok: true, error: null, responseExcerpt: "{\"received\":true}" }];
    const last = attempts[attempts.length - 1];
    await prisma.webhookDelivery.create({
      data: {
        endpointId: endpoint.id, eventId, eventType: "meeting.created", payload, status: "SENT", attempts: attempts.length,
        nextAttemptAt: at, lastAttemptAt: last.at, lastResponseCode: last.responseCode, lastDurationMs: last.durationMs, deliveredAt: last.at, createdAt: at,
        attemptLog: { create: attempts },
      },
    });
    i++;
  }
  return meetings.length;
}
