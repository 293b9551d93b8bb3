import { createHash, timingSafeEqual } from "node:crypto"
import { revalidateTag } from "next/cache"
import { NextRequest, NextResponse } from "next/server"
import type { StorefrontRevalidateResponse } from "@curator/types/storefront-revalidation"

/** Medusa sends a handful of tags per change; a product import's batch stays far below this. */
const MAX_TAGS = 100
const MAX_BODY_BYTES = 16 * 1024
/** The catalog's tags (@lib/util/catalog-cache): a shopper's own tags are never expired from here. */
const CATALOG_TAG = /^(?:products|lookbooks|product-[A-Za-z0-9_-]{1,200}|lookbook-[A-Za-z0-9_-]{1,200})$/

const answer = (status: number, body: object) => NextResponse.json(body, { status, headers: { "cache-control": "no-store" } })

/** Compared as SHA-256 digests: equal lengths for timingSafeEqual, and no timing that depends on where they differ. */
function secretMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

function readTags(text: string): string[] | string {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return "The body must be JSON: { tags: [...] }"
  }
  const tags = (body as { tags?: unknown } | null)?.tags
  if (!Array.isArray(tags) || !tags.length) return "tags must be a non-empty list"
  if (tags.length > MAX_TAGS) return `tags may hold at most ${MAX_TAGS} tags`
  const unknown = tags.find((t) => typeof t !== "string" || !CATALOG_TAG.test(t))
  if (unknown !== undefined) return `${JSON.stringify(unknown)} is not a catalog tag (products, product-<id>, lookbooks, lookbook-<id>)`
  return [...new Set(tags as string[])]
}

/**
 * POST /api/revalidate { tags: [...] } with `Authorization: Bearer <STOREFRONT_REVALIDATE_SECRET>`:
 * Medusa's subscriber (src/subscribers/storefront-catalog-revalidation.ts in the backend) says which
 * cached catalog reads changed. They expire at once: the next shopper's request reads Medusa again.
 */
export async function POST(request: NextRequest) {
  const secret = process.env.STOREFRONT_REVALIDATE_SECRET
  if (!secret) return answer(503, { message: "Revalidation is not configured (STOREFRONT_REVALIDATE_SECRET is not set)" })
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? ""
  if (!given || !secretMatches(given, secret)) return answer(401, { message: "A valid revalidation secret is required" })

  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return answer(400, { message: `The body must be at most ${MAX_BODY_BYTES} bytes` })
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return answer(400, { message: `The body must be at most ${MAX_BODY_BYTES} bytes` })
  const tags = readTags(text)
  if (typeof tags === "string") return answer(400, { message: tags })

  // Expired, not marked stale: a stale entry would still be served once after Medusa's change.
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  return answer(200, { revalidated: tags } satisfies StorefrontRevalidateResponse)
}
