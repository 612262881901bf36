/** Small JSON helpers for the stance and quote panels: a readable error message or the body. */
export async function requestJson<T>(
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ ok: true; data: T } | { ok: false; error: string; status: number }> {
  try {
    const res = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? {} : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (res.status === 204) return { ok: true, data: null as T };
    const json = await res.json().catch(() => null);
    if (!res.ok) return { ok: false, status: res.status, error: json?.error?.message ?? `The server answered ${res.status}` };
    return { ok: true, data: json as T };
  } catch {
    return { ok: false, status: 0, error: "Could not reach the server; check the connection and try again" };
  }
}
