/** Calls Next route handlers the way the server does, with a real Request. */
type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export async function call<P = Record<string, never>>(
  handler: Handler<P>,
  opts: { method?: string; path: string; token?: string; body?: unknown; params?: P; headers?: Record<string, string> },
) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const req = new Request(`http://localhost${opts.path}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
  });
  const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json: json as Record<string, unknown> & { error?: { code: string; message: string } } };
}
