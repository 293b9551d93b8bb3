/**
 * Same-origin calls from Curator's admin pages to its Admin API. The admin is served from the
 * backend's origin and signed in with a session cookie, so a fetch with credentials is all it
 * takes. Errors come back as Medusa's { type, message } and are thrown with that message.
 */
export async function adminFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init
  const response = await fetch(path, {
    credentials: "include",
    ...rest,
    headers: json !== undefined ? { "content-type": "application/json", ...(rest.headers ?? {}) } : rest.headers,
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body?.message ?? `Request failed with status ${response.status}`)
  return body as T
}
