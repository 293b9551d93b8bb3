"use client"

import { useState } from "react"
import { loadMorePosts, type FeedTab, type Post } from "@lib/data/social"
import PostCard from "./post-card"

/** A grid of posts with cursor-based "Load more" (the feed's tabs and a profile's posts). */
export default function PostList({
  initial,
  nextCursor,
  source,
  countryCode,
  label,
}: {
  initial: Post[]
  nextCursor: string | null
  source: { tab: FeedTab } | { customer_id: string }
  countryCode: string
  label: string
}) {
  const [posts, setPosts] = useState(initial)
  const [cursor, setCursor] = useState(nextCursor)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function loadMore() {
    if (!cursor) return
    setLoading(true)
    setError(null)
    const page = await loadMorePosts(source, cursor)
    setLoading(false)
    if ("error" in page) return setError(page.error)
    // A post can move between pages while people like it: never show it twice.
    setPosts((current) => [...current, ...page.posts.filter((p) => !current.some((c) => c.id === p.id))])
    setCursor(page.next_cursor)
  }

  return (
    <>
      <ul className="post-grid" aria-label={label} data-testid="post-list">
        {posts.map((post, i) => (
          <li key={post.id}>
            <PostCard post={post} countryCode={countryCode} priority={i < 4} />
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="form-error" style={{ marginTop: "1rem" }}>
          {error}
        </p>
      ) : null}
      <div className="pagination" aria-live="polite">
        {cursor ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={loadMore}
            disabled={loading}
            aria-disabled={loading}
            data-testid="load-more"
          >
            {loading ? "Loading…" : "Load more"}
          </button>
        ) : posts.length ? (
          <p className="muted">You have seen every post here.</p>
        ) : null}
      </div>
    </>
  )
}
