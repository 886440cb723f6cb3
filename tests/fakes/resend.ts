// A loopback stand-in for Resend's HTTP API, reached by our code through the real Resend SDK
// (RESEND_BASE_URL points at it). It records every request and can be told to fail the next ones. Like Resend, it
// honours the Idempotency-Key header: a request repeating an accepted key and payload gets the first answer back and
// sends nothing again (a "replay"); the same key with another payload is refused (409).
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
  /** A repeat of an accepted request (same Idempotency-Key and payload): answered as the first, nothing sent. */
  replayed?: boolean;
};

export type FakeResend = {
  /** The base URL to put in RESEND_BASE_URL. */
  url: string;
  requests: RecordedRequest[];
  /** Requests to POST /emails answered 200 that sent an email (replays excluded): the emails Resend "delivered". */
  delivered(): RecordedRequest[];
  /**
   * Called once an email is accepted (recorded as delivered), before the answer goes back: a test can crash the sender
   * there. A returned promise holds the answer until it settles.
   */
  onAccepted: ((request: RecordedRequest) => void | Promise<unknown>) | null;
  /** Answers the next `n` requests with a 500 JSON error. */
  failNext(n: number): void;
  reset(): void;
  close(): Promise<void>;
};

let seq = 0;

export async function startFakeResend(): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  let failures = 0;
  const accepted = new Map<string, { payload: string; response: Record<string, unknown> }>();
  let fake: FakeResend;

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
      const rawKey = req.headers["idempotency-key"];
      const key = Array.isArray(rawKey) ? rawKey[0] : rawKey;
      const record = (status: number, payload: Record<string, unknown>, extra: { replayed?: boolean; accepted?: boolean } = {}) => {
        const entry: RecordedRequest = { method: req.method ?? "", path, headers: req.headers, idempotencyKey: key, body, status, response: payload, ...(extra.replayed ? { replayed: true } : {}) };
        requests.push(entry);
        const answer = () => {
          if (res.destroyed) return;
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(payload));
        };
        const hold = extra.accepted ? fake.onAccepted?.(entry) : undefined;
        if (hold) void hold.finally(answer);
        else answer();
      };
      if (failures > 0) {
        failures -= 1;
        return record(500, { statusCode: 500, name: "internal_server_error", message: "The fake was told to fail." });
      }
      if (req.method === "POST" && path === "/emails") {
        if (!req.headers.authorization?.startsWith("Bearer ")) return record(401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
        const previous = key ? accepted.get(key) : undefined;
        if (previous && previous.payload !== raw) return record(409, { statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request body." });
        if (previous) return record(200, previous.response, { replayed: true });
        seq += 1;
        const response = { id: `fake-email-${seq}` };
        if (key) accepted.set(key, { payload: raw, response });
        return record(200, response, { accepted: true });
      }
      return record(404, { statusCode: 404, name: "not_found", message: `No route ${req.method} ${path}` });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  fake = {
    url: `http://127.0.0.1:${port}`,
    requests,
    onAccepted: null,
    delivered: () => requests.filter((r) => r.method === "POST" && r.path === "/emails" && r.status === 200 && !r.replayed),
    failNext(n) {
      failures = n;
    },
    reset() {
      requests.length = 0;
      failures = 0;
      accepted.clear();
      fake.onAccepted = null;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  return fake;
}
