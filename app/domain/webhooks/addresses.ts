// Server-side request forgery guard for webhook URLs (decision 0049): which URLs may be registered and which
// addresses may be connected to. Pure: the caller resolves names and passes the addresses.

export type UrlRefusal = "invalid" | "scheme" | "https" | "credentials" | "port" | "address";

/** An IPv4 address as four numbers, or null. */
function parseV4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** An IPv6 address as eight 16-bit groups (an embedded IPv4 tail allowed), or null. */
function parseV6(input: string): number[] | null {
  let s = input.toLowerCase();
  if (s.startsWith("[") && s.endsWith("]")) s = s.slice(1, -1);
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(":")) return null;
  const lastColon = s.lastIndexOf(":");
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    // ::ffff:127.0.0.1 -> ::ffff:7f00:1
    const v4 = parseV4(tail);
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const read = (h: string) => (h === "" ? [] : h.split(":"));
  const head = read(halves[0]);
  const rest = halves.length === 2 ? read(halves[1]) : [];
  if (![...head, ...rest].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const nums = (a: string[]) => a.map((g) => parseInt(g, 16));
  return [...nums(head), ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...nums(rest)];
}

function v4Forbidden([a, b, c]: number[], allowLoopback: boolean): boolean {
  if (a === 127) return !allowLoopback; // loopback
  return (
    a === 0 || // "this network", 0.0.0.0
    a === 10 || // private
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata (169.254.169.254)
    (a === 172 && b >= 16 && b <= 31) || // private
    (a === 192 && b === 168) || // private
    (a === 192 && b === 0 && c === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

/** Whether no webhook may connect to this IP address (loopback only when `allowLoopback`). Not an address: true. */
export function isForbiddenAddress(ip: string, { allowLoopback = false } = {}): boolean {
  const v4 = parseV4(ip);
  if (v4) return v4Forbidden(v4, allowLoopback);
  const g = parseV6(ip);
  if (!g) return true;
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  const embeddedV4 = [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255];
  if (zeroTo(7) && g[7] === 1) return !allowLoopback; // ::1
  if (zeroTo(8)) return true; // ::
  if (zeroTo(5) && g[5] === 0xffff) return v4Forbidden(embeddedV4, allowLoopback); // ::ffff:a.b.c.d
  if (zeroTo(6)) return true; // deprecated IPv4-compatible ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4Forbidden(embeddedV4, allowLoopback); // NAT64
  if ((g[0] & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g[0] & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g[0] & 0xffc0) === 0xfec0) return true; // site-local (deprecated)
  if ((g[0] & 0xff00) === 0xff00) return true; // multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
  return false;
}

/** An IP literal host ("10.0.0.1", "[::1]") without brackets, or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const h = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return parseV4(h) || parseV6(h) ? h : null;
}

/**
 * Checks a webhook URL's form (before any name is resolved): http(s) only, https when `requireHttps`, no
 * credentials, no unusual port, no forbidden IP literal. Names are checked once resolved (isForbiddenAddress).
 */
export function checkWebhookUrl(raw: string, opts: { requireHttps: boolean; allowLoopback: boolean }): { ok: true; url: URL } | { ok: false; reason: UrlRefusal } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "scheme" };
  if (url.username || url.password) return { ok: false, reason: "credentials" };
  const host = url.hostname.toLowerCase();
  const literal = ipLiteral(host);
  const loopbackHost = literal ? !isForbiddenAddress(literal, { allowLoopback: true }) && isForbiddenAddress(literal) : host === "localhost" || host.endsWith(".localhost");
  // http is for a test receiver on this machine only, and only where loopback is explicitly allowed.
  if (url.protocol === "http:" && opts.requireHttps && !(opts.allowLoopback && loopbackHost)) return { ok: false, reason: "https" };
  if (literal && isForbiddenAddress(literal, { allowLoopback: opts.allowLoopback })) return { ok: false, reason: "address" };
  if (!literal && (host === "localhost" || host.endsWith(".localhost")) && !opts.allowLoopback) return { ok: false, reason: "address" };
  if (url.port && !opts.allowLoopback && !["443", "8443", "80", "8080"].includes(url.port)) return { ok: false, reason: "port" };
  return { ok: true, url };
}
