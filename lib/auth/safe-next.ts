/**
 * Where the browser may go after signing in: a path of this app, never
 * another origin. Browsers read `/\host`, `/\thost` (tab), `\\host` and
 * `//host` as links to another host, and drop tabs and newlines inside URLs,
 * so anything with a backslash or a control character is refused outright;
 * what is left is parsed with the URL API against a placeholder origin and
 * kept only when it stays on that origin. The answer is the re-serialised
 * path, query and fragment, so what the browser gets is what was checked.
 */
const PLACEHOLDER = "http://app.invalid";

/** Backslash, C0 controls (tab, CR, LF…), DEL, C1 controls, and Unicode line/paragraph separators. */
const REFUSED = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function safeNextPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || REFUSED.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can collapse to `//host` ("/.//evil"), which is protocol-relative again.
  return path.startsWith("//") ? fallback : path;
}

/**
 * Auth.js's redirect rule: absolute URLs are kept only on the app's own
 * origin, relative ones go through safeNextPath.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (url.startsWith("/")) return new URL(safeNextPath(url), base.origin).toString();
  try {
    const target = new URL(url);
    if (target.origin === base.origin) return new URL(safeNextPath(target.pathname + target.search + target.hash), base.origin).toString();
  } catch {
    // not a URL at all
  }
  return base.origin + "/";
}
