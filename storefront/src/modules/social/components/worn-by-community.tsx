import Link from "next/link"
import { Suspense } from "react"
import { listProductPosts } from "@lib/data/social"
import PostCard from "./post-card"
import "../social.css"

/** "Worn by the community": posts that tag this product, for the product page. Streams in after the product. */
export default function WornByCommunity({ productId, countryCode }: { productId: string; countryCode: string }) {
  return (
    <Suspense
      fallback={
        <p className="muted section" role="status">
          Loading outfits from the community…
        </p>
      }
    >
      <CommunityPosts productId={productId} countryCode={countryCode} />
    </Suspense>
  )
}

async function CommunityPosts({ productId, countryCode }: { productId: string; countryCode: string }) {
  // The product page must render even when the social routes are down.
  const posts = await listProductPosts(productId).catch(() => null)
  if (posts === null) return null
  return (
    <section className="section" aria-labelledby="community-heading" data-testid="worn-by-community">
      <div className="section__head">
        <h2 id="community-heading">Worn by the community</h2>
        <Link href={`/${countryCode}/feed/new`}>Share yours</Link>
      </div>
      {posts.length ? (
        <ul className="community-strip">
          {posts.map((post) => (
            <li key={post.id}>
              <PostCard post={post} countryCode={countryCode} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nobody has shared an outfit with this piece yet. Wearing it? Share a photo and tag it.</p>
      )}
    </section>
  )
}
