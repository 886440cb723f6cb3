// Issue 8, finding 5 against the real server: a client cannot choose the address the sign-in throttle counts.
import { expect, prisma, test } from "./fixtures";

test("X-Forwarded-For from an untrusted client is ignored by the sign-in throttle", async ({ request, world }) => {
  for (const spoofed of ["203.0.113.9", "198.51.100.1, 10.0.0.1"]) {
    const r = await request.post("/login", { form: { email: world.sdr.email, password: "wrong-password" }, headers: { "X-Forwarded-For": spoofed, "X-Rendezvous-Client-Ip": "192.0.2.77" } });
    expect(r.status()).toBe(400);
  }
  const attempts = await prisma.loginAttempt.findMany({ where: { email: world.sdr.email } });
  expect(attempts).toHaveLength(2);
  for (const a of attempts) {
    expect(a.ip).toMatch(/127\.0\.0\.1|::1/);
  }
});
