/** Small fetch helpers for the entity panels: JSON in, JSON out, the server's error message on failure. */
export async function apiJson<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new Error((data as { error?: { message?: string } } | null)?.error?.message ?? `The server answered ${res.status}`);
  return data as T;
}

export type EntitySummary = { id: string; name: string; type: string; externalId: string | null; aliases: { id: string; alias: string }[] };
