/**
 * The browser's one client of the REST API (/api/v1): JSON in, JSON out, the
 * server's `{"error":{"code","message"}}` turned into a message a person can
 * act on. `requestJson` answers a result to branch on; `fetchJson` throws
 * `ApiError` for callers that let errors travel.
 */
export type ApiResult<T> = { ok: true; data: T; status: number } | { ok: false; error: string; code: string | null; status: number; details?: unknown };
type Init = { method?: string; body?: unknown; signal?: AbortSignal };

export const UNREACHABLE = "Could not reach the server; check the connection and try again";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    /** what the server said besides the message (e.g. the entity a 409 is about) */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The server's message of a failed answer, or a plain one saying what status came back. */
export async function errorOf(res: Response): Promise<{ message: string; code: string | null; details?: unknown }> {
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  return { message: json?.error?.message ?? `The server answered ${res.status}`, code: json?.error?.code ?? null, details: json?.error?.details };
}

export async function requestJson<T>(url: string, init: Init = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? {} : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch {
    return { ok: false, status: 0, code: null, error: UNREACHABLE };
  }
  if (!res.ok) {
    const { message, code, details } = await errorOf(res);
    return { ok: false, status: res.status, code, error: message, details };
  }
  if (res.status === 204) return { ok: true, status: 204, data: null as T };
  return { ok: true, status: res.status, data: (await res.json().catch(() => null)) as T };
}

export async function fetchJson<T>(url: string, init: Init = {}): Promise<T> {
  const res = await requestJson<T>(url, init);
  if (!res.ok) throw new ApiError(res.error, res.status, res.code, res.details);
  return res.data;
}
