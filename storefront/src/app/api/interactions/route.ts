import { NextRequest, NextResponse } from "next/server"
import type { StoreInteraction, StoreRecordInteractionsResponse } from "@curator/types/style-profile"
import { BackendError, storeFetch } from "@lib/data/store-api"

/** Fifty interactions with their details fit well within this; a larger body is not the storefront's. */
const MAX_BODY_BYTES = 32 * 1024

/**
 * POST /api/interactions { interactions: [...] }: views and clicks the browser saw (sent with
 * navigator.sendBeacon), forwarded to Medusa as this shopper: their session and guest cookie, and a
 * guest cookie Medusa issues passed back. Medusa checks each interaction (only the kinds a client may
 * report) and answers 4xx naming the problem; that answer is passed on.
 */
export async function POST(request: NextRequest) {
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    return NextResponse.json({ message: `The body must be at most ${MAX_BODY_BYTES} bytes` }, { status: 413 })
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return NextResponse.json({ message: "The body must be JSON: { interactions: [...] }" }, { status: 400 })
  }
  const interactions = (body as { interactions?: unknown } | null)?.interactions
  if (!Array.isArray(interactions)) return NextResponse.json({ message: "interactions must be a list" }, { status: 400 })
  try {
    const answer = await storeFetch<StoreRecordInteractionsResponse>("/store/recommendations/interactions", {
      method: "POST",
      body: { interactions: interactions as StoreInteraction[] },
    })
    return NextResponse.json(answer)
  } catch (error) {
    if (error instanceof BackendError && error.status < 500) return NextResponse.json({ message: error.message }, { status: error.status })
    console.error(`[storefront] interactions could not be recorded: ${(error as Error).message}`)
    return NextResponse.json({ message: "Interactions could not be recorded right now" }, { status: 502 })
  }
}
