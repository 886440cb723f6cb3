import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getActor } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  return redirect(actor ? "/home" : "/login");
}
