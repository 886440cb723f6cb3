// A loopback stand-in for Resend's HTTP API, reached by our code through the real Resend SDK
// (RESEND_BASE_URL points at it). It records every request and can be told to fail the next ones.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  idempotencyKey: string | undefined;
  body: unknown;
  /** The status and JSON the fake answered. */
  status: number;
  response: Record<string, unknown>;
};

export type FakeResend = {
  /** The base URL to put in RESEND_BASE_URL. */
  url: string;
  requests: RecordedRequest[];
  /** Requests to POST /emails answered 200 (the emails Resend "delivered"). */
  delivered(): RecordedRequest[];
  /** Answers the next `n` requests with a 500 JSON error. */
  failNext(n: number): void;
  reset(): void;
  close(): Promise<void>;
};

let seq = 0;

export async function startFakeResend(): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  let failures = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // keep the raw text: a malformed body is recorded as it came
      }
      const path = (req.url ?? "/").split("?")[0];
      const record = (status: number, payload: Record<string, unknown>) => {
        const key = req.headers["idempotency-key"];
        requests.push({ method: req.method ?? "", path, headers: req.headers, idempotencyKey: Array.isArray(key) ? key[0] : key, body, status, response: payload });
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      if (failures > 0) {
        failures -= 1;
        return record(500, { statusCode: 500, name: "internal_server_error", message: "The fake was told to fail." });
      }
      if (req.method === "POST" && path === "/emails") {
        if (!req.headers.authorization?.startsWith("Bearer ")) return record(401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
        seq += 1;
        return record(200, { id: `fake-email-${seq}` });
      }
      return record(404, { statusCode: 404, name: "not_found", message: `No route ${req.method} ${path}` });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered: () => requests.filter((r) => r.method === "POST" && r.path === "/emails" && r.status === 200),
    failNext(n) {
      failures = n;
    },
    reset() {
      requests.length = 0;
      failures = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
