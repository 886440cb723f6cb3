/**
 * Where to send the browser after sign-in, a language switch or any `redirectTo`: only a path on our own origin.
 * The target is resolved the way a browser would (`new URL(to, origin)`), so `//host`, `/\host`, `/%09/host`,
 * `https://elsewhere` and control characters cannot lead off-site; anything else gives `fallback`.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/home"): string {
  if (!to || typeof to !== "string" || !to.startsWith("/")) return fallback;
  // Browsers strip tabs and newlines from URLs and treat a backslash as a slash: refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded) || decoded.startsWith("//")) return fallback;
  const base = "http://rendezvous.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
