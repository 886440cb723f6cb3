import { prisma } from "~/utils/db.server";

export async function loader() {
  await prisma.$queryRaw`select 1`;
  return new Response("ok", { headers: { "Content-Type": "text/plain" } });
}
