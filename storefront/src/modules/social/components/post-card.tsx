import Link from "next/link"
import type { Post } from "@lib/data/social"

/** A post in a grid: its first photo, who posted it, likes and comments. Renders on server and client. */
export default function PostCard({ post, countryCode, priority = false }: { post: Post; countryCode: string; priority?: boolean }) {
  const photo = post.photos[0]
  return (
    <article data-testid="post-card" data-post-id={post.id}>
      <Link href={`/${countryCode}/feed/posts/${post.id}`} className="post-card">
        <div className="post-card__photo">
          {photo ? (
            // eslint-disable-next-line @next/next/no-img-element -- 4:5 box, no layout shift
            <img
              src={photo.url}
              alt={post.caption ? `Outfit: ${post.caption}` : `Outfit shared by ${post.author.display_name}`}
              width={photo.width ?? 400}
              height={photo.height ?? 500}
              loading={priority ? "eager" : "lazy"}
            />
          ) : null}
        </div>
        {post.caption ? <p className="post-card__caption">{post.caption}</p> : null}
      </Link>
      <p className="post-card__meta">
        <Link href={`/${countryCode}/feed/customers/${post.author.id}`}>{post.author.display_name}</Link>
        <span>
          {post.like_count} {post.like_count === 1 ? "like" : "likes"} · {post.comment_count} {post.comment_count === 1 ? "comment" : "comments"}
        </span>
      </p>
    </article>
  )
}
