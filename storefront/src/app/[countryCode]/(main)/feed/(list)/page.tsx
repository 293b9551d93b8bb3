import type { Metadata } from "next"
import Link from "next/link"
import { isSignedIn } from "@lib/data/cookies"
import { getFeed, type FeedTab } from "@lib/data/social"
import PostList from "@modules/social/components/post-list"
import "@modules/social/social.css"

export const metadata: Metadata = { title: "Feed" }

const TABS: { value: FeedTab; label: string }[] = [
  { value: "for_you", label: "For you" },
  { value: "following", label: "Following" },
  { value: "popular", label: "Popular" },
]

export default async function FeedPage({
  params,
  searchParams,
}: {
  params: Promise<{ countryCode: string }>
  searchParams: Promise<{ tab?: string }>
}) {
  const { countryCode } = await params
  const requested = (await searchParams).tab
  const signedIn = await isSignedIn()
  // Guests only have the popular feed; the backend answers with it whatever they ask for.
  const tab: FeedTab = signedIn ? (TABS.find((t) => t.value === requested)?.value ?? "for_you") : "popular"
  const { posts, next_cursor } = await getFeed(tab)
  const base = `/${countryCode}/feed`
  return (
    <div className="container page">
      <div className="section__head" style={{ flexWrap: "wrap" }}>
        <h1>Feed</h1>
        <Link href={signedIn ? `${base}/new` : `/${countryCode}/account`} className="button" data-testid="new-post-link">
          {signedIn ? "Share an outfit" : "Sign in to share an outfit"}
        </Link>
      </div>
      {signedIn ? (
        <nav aria-label="Feed tabs">
          <ul className="feed-tabs">
            {TABS.map((t) => (
              <li key={t.value}>
                <Link href={`${base}?tab=${t.value}`} aria-current={t.value === tab ? "page" : undefined}>
                  {t.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <p className="notice" style={{ marginBottom: "1.25rem" }}>
          Popular outfits from the Curator community. <Link href={`/${countryCode}/account`}>Sign in</Link> to follow people, like, comment and share
          your own.
        </p>
      )}
      {posts.length ? (
        <PostList
          key={tab}
          initial={posts}
          nextCursor={next_cursor}
          source={{ tab }}
          countryCode={countryCode}
          label={`${TABS.find((t) => t.value === tab)!.label} posts`}
        />
      ) : (
        <div className="empty-state" data-testid="feed-empty">
          {tab === "following" ? (
            <>
              <h2>Nothing from people you follow yet</h2>
              <p>Follow people whose style you like: open a post from the popular tab and follow its author.</p>
              <Link href={`${base}?tab=popular`} className="button">
                See popular posts
              </Link>
            </>
          ) : (
            <>
              <h2>No posts yet</h2>
              <p>Be the first to share an outfit with the community.</p>
              <Link href={signedIn ? `${base}/new` : `/${countryCode}/account`} className="button">
                {signedIn ? "Share an outfit" : "Sign in to share"}
              </Link>
            </>
          )}
        </div>
      )}
    </div>
  )
}
