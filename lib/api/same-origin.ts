/**
 * Whether a browser request comes from a page of this server. The browser's
 * `Origin` is compared with the host the browser itself addressed (the `Host`
 * header), not with the host Next.js puts in `req.url`: in production that is
 * the configured one (`localhost:3000`), so a team reaching the server by IP
 * or name would have every write refused.
 *
 * Behind a reverse proxy the `Host` the app sees may be the proxy's upstream
 * name: set `TRUST_PROXY=1` to also accept the `X-Forwarded-Host` it sends, or
 * `APP_URL` to name the public address outright. Neither is trusted by default,
 * since any client can send those headers.
 */
type HeaderSource = { headers: Headers };

const trustProxy = () => /^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? "");

/** The hosts (`name[:port]`, lower case) this request may legitimately come from. */
export function acceptedHosts(req: HeaderSource): Set<string> {
  const hosts = new Set<string>();
  const host = req.headers.get("host");
  if (host) hosts.add(host.trim().toLowerCase());
  if (trustProxy()) {
    const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) hosts.add(forwarded.toLowerCase());
  }
  const appUrl = process.env.APP_URL;
  if (appUrl) {
    try {
      hosts.add(new URL(appUrl).host.toLowerCase());
    } catch {
      // a malformed APP_URL names no host; the Host header still counts
    }
  }
  return hosts;
}

/**
 * True when the request carries no `Origin` (not a cross-site browser request)
 * or one whose host is accepted. `Origin: null` (sandboxed frames, some
 * redirects) and malformed origins are foreign.
 */
export function isSameOrigin(req: HeaderSource): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return true;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  return host !== "" && acceptedHosts(req).has(host);
}
