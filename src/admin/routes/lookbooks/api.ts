/**
 * Calls to Curator's lookbook Admin API from the admin pages. The admin runs on the backend's
 * origin and is signed in with a session cookie, so a same-origin fetch with credentials is
 * all it takes; errors come back as Medusa's { type, message }.
 */
export type Hotspot = {
  id?: string
  x: number
  y: number
  product_id: string
  variant_id: string
  product?: { id: string; title: string; handle: string; thumbnail: string | null; status: string } | null
  variant?: { id: string; title: string | null; sku: string | null } | null
}

export type Look = {
  id: string
  image_url: string
  width: number
  height: number
  notes: string | null
  position: number
  views: number
  add_to_cart_count: number
  rate: number
  hotspots: Hotspot[]
}

export type Lookbook = {
  id: string
  title: string
  handle: string
  description: string | null
  cover_image_url: string | null
  status: "draft" | "published"
  season: string | null
  position: number
  published_at: string | null
  look_count?: number
  looks: Look[]
}

export async function adminFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init
  const response = await fetch(path, {
    credentials: "include",
    ...rest,
    headers: json !== undefined ? { "content-type": "application/json", ...(rest.headers ?? {}) } : rest.headers,
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body?.message ?? `${response.status} ${response.statusText}`)
  return body as T
}

export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`
