// Calling the API's routes as Remix would, for the API's integration tests (not a test file itself).
type RouteModule = { loader?: (args: any) => Promise<Response>; action?: (args: any) => Promise<Response> };

/** Calls a route as Remix would (GET: its loader, otherwise its action); a thrown Response is returned like an answered one. */
export async function callApi(mod: RouteModule, method: string, url: string, token: string | null, opts: { params?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {}) {
  const request = new Request(`http://localhost${url}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(opts.body !== undefined ? { "Content-Type": "application/json" } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
  });
  try {
    const fn = method === "GET" ? mod.loader! : mod.action!;
    return await fn({ request, params: opts.params ?? {}, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}
