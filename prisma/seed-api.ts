// Demo: an API key of the demo agency (the token `npm run demo` prints), created by its admin.
import { prisma } from "~/utils/db.server";
import { hashApiToken } from "~/domain/api/keys";
import { DEMO_API_TOKEN } from "./demo-api.mjs";

export async function seedDemoApi(agencyId: string, adminUserId: string) {
  const token = DEMO_API_TOKEN as string;
  await prisma.apiKey.create({
    data: {
      agencyId,
      name: "Demo dialer",
      prefix: token.slice(0, 12),
      secretHash: hashApiToken(token),
      scopes: ["campaigns:read", "meetings:read", "meetings:write", "activity:write", "reports:read"],
      createdById: adminUserId,
      lastUsedAt: null,
    },
  });
}
