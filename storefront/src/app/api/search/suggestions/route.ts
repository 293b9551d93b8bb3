import { NextRequest, NextResponse } from "next/server"
import { listSearchSuggestions, SUGGESTION_QUERY_MAX } from "@lib/data/search-suggestions"

/**
 * GET /api/search/suggestions?q=: the header search box's suggestions as the shopper types
 * (browsers never call Medusa). Empty text has none; text over the limit is a 400.
 */
export async function GET(request: NextRequest) {
  const q = (request.nextUrl.searchParams.get("q") ?? "").trim()
  if (!q) return NextResponse.json({ suggestions: [] })
  if (q.length > SUGGESTION_QUERY_MAX) {
    return NextResponse.json({ message: `q must be at most ${SUGGESTION_QUERY_MAX} characters` }, { status: 400 })
  }
  try {
    return NextResponse.json({ suggestions: await listSearchSuggestions(q) })
  } catch {
    // Suggestions are a convenience: the search form still works without them.
    return NextResponse.json({ message: "Suggestions are unavailable right now" }, { status: 503 })
  }
}
