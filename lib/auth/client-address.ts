/**
 * The address a request comes from, as the key of per-address limits.
 *
 * - Served by `npm start` (or the e2e server): the TCP peer, which the
 *   preload lib/ops/client-address.cjs writes into `x-marginalia-peer`.
 * - With `TRUST_PROXY=1`: the last `X-Forwarded-For` entry, the one the
 *   reverse proxy itself appended (earlier entries are the client's to choose).
 * - Otherwise (`next dev`): `X-Forwarded-For` as Next set it.
 * - No address at all (code calling handlers in-process, tests): null, and
 *   only the per-account limits apply.
 *
 * IPv6 addresses count per /64 (one host usually holds a whole /64), and
 * IPv4-mapped ones as IPv4.
 */
type HeaderSource = { get(name: string): string | null };

const trustProxy = () => /^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? "");

export function clientAddress(headers: HeaderSource): string | null {
  const forwarded =
    headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  const raw = trustProxy() ? forwarded.at(-1) : (headers.get("x-marginalia-peer") ?? forwarded.at(-1));
  return raw ? addressKey(raw) : null;
}

export function addressKey(raw: string): string {
  const address = raw
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(":")) return address;
  return ipv6Prefix64(address) ?? address;
}

/** The first four groups of an IPv6 address, expanded ("2001:db8:0:1::/64"). */
function ipv6Prefix64(address: string): string | null {
  const [head, tail, extra] = address.split("%")[0].split("::");
  if (extra !== undefined) return null;
  const left = head ? head.split(":") : [];
  const right = tail !== undefined ? (tail ? tail.split(":") : []) : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 1) return null;
  const groups = [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return (
    groups
      .slice(0, 4)
      .map((g) => g.replace(/^0+(?=.)/, ""))
      .join(":") + "::/64"
  );
}
