import { json } from "@remix-run/node";
import { DomainError } from "~/domain/shared/errors";
import { failure } from "./form";
import { env } from "./env.server";
import { fieldWithNul } from "./input.server";

/** The submitted form; a body that is not a form (JSON, plain text, garbage) is a 400, never a 500. */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw json({ error: "Expected a form submission (application/x-www-form-urlencoded or multipart/form-data)." }, { status: 400 });
  }
  // PostgreSQL text cannot hold a NUL: refused here, once for every field of every form (issue 8, finding 12).
  const field = fieldWithNul(form);
  if (field) throw json({ error: `The field "${field}" contains a NUL character (\\u0000), which is not allowed.` }, { status: 400 });
  return form;
}

/** Turns a domain error into what a route returns: 404/403 pages, or the form with the message next to its field. */
export function actionError(e: unknown, formData: FormData) {
  if (e instanceof DomainError) {
    if (e.code === "NOT_FOUND") throw new Response("Not Found", { status: 404 });
    if (e.code === "FORBIDDEN") throw new Response("Forbidden", { status: 403 });
    return json(failure(formData, { [e.field ?? "_form"]: [e.messageKey] }), { status: e.status });
  }
  throw e;
}

/** Runs a loader's data access, answering 404/403 for domain errors instead of a 500. */
export async function orResponse<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof DomainError) throw new Response(e.code, { status: e.status });
    throw e;
  }
}

/** The public origin for links in emails. */
export function appOrigin(request: Request) {
  return env().APP_URL ?? new URL(request.url).origin;
}
