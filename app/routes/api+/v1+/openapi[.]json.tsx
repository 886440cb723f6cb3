// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the schemas the routes validate with. Public.
import { openApiDocument } from "~/domain/api/openapi";
import { problem } from "~/models/api/http.server";

export async function loader() {
  return new Response(JSON.stringify(openApiDocument()), { headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" } });
}

export async function action() {
  return problem("method_not_allowed", { headers: { Allow: "GET" } });
}
