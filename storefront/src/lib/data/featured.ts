import "server-only"
import { sdk } from "@lib/config"
import { catalogCache, catalogTags } from "@lib/util/catalog-cache"
import { errorStatus } from "@lib/util/errors"

export type FeaturedLookbook = {
  id: string
  title: string
  handle: string
  description?: string | null
  cover_image_url?: string | null
  look_count?: number
}

/**
 * The home page's featured lookbooks (GET /store/lookbooks?limit=3). A backend without
 * the lookbook routes answers 404: then the home page simply has no lookbook strip.
 */
export async function getFeaturedLookbooks(): Promise<FeaturedLookbook[]> {
  try {
    const { lookbooks } = await sdk.client.fetch<{ lookbooks: FeaturedLookbook[] }>("/store/lookbooks", {
      query: { limit: 3 },
      ...catalogCache([catalogTags.lookbooks]),
    })
    return lookbooks ?? []
  } catch (error) {
    if (errorStatus(error) === 404) return []
    throw error
  }
}
