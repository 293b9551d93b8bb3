/**
 * Calls to Curator's lookbook Admin API from the admin pages (see adminFetch).
 */
import { adminFetch } from "../../lib/admin-fetch"

export { adminFetch }
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

export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`
