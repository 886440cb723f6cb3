// The page saves the browser's time zone in the background; a session that ended meanwhile gets a 401, never a
// redirect the fetcher would follow to the sign-in form.
import { action } from "~/routes/_resources+/set-timezone";
import { createSession, sessionCookie } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { createAgencyWithClient } from "../factories";

const post = (body: Record<string, string>, cookie?: string) =>
  new Request("http://test/set-timezone", { method: "POST", body: new URLSearchParams(body), headers: cookie ? { Cookie: cookie } : {} });

it("saves a valid zone for the signed-in user, refuses an unknown one, and answers 401 without a session", async () => {
  const w = await createAgencyWithClient();
  const s = await createSession(w.clientAdmin.userId);
  const cookie = await sessionCookie.serialize(s.id);
  const ok = (await action({ request: post({ timeZone: "America/New_York" }, cookie), params: {}, context: {} })) as Response;
  expect(ok.status).toBe(200);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: w.clientAdmin.userId } })).timeZone).toBe("America/New_York");
  const bad = (await action({ request: post({ timeZone: "Mars/Olympus" }, cookie), params: {}, context: {} })) as Response;
  expect(bad.status).toBe(400);
  const signedOut = (await action({ request: post({ timeZone: "Europe/Paris" }), params: {}, context: {} })) as Response;
  expect(signedOut.status).toBe(401);
  expect(signedOut.headers.get("Location")).toBeNull();
});
