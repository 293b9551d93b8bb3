import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { retrieveCustomer } from "@lib/data/customer"
import { getPost, getProfile, listComments } from "@lib/data/social"
import CommentThread from "@modules/social/components/comment-thread"
import DeletePostButton from "@modules/social/components/delete-post-button"
import FollowButton from "@modules/social/components/follow-button"
import LikeButton from "@modules/social/components/like-button"
import PostPhotos from "@modules/social/components/post-photos"
import ReportForm from "@modules/social/components/report-form"
import TaggedProducts from "@modules/social/components/tagged-products"
import ShopThisLookLink from "@modules/visual-search/components/shop-this-look-link"
import "@modules/social/social.css"
import Breadcrumbs from "@modules/common/components/breadcrumbs"

type Props = { params: Promise<{ countryCode: string; id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params
  const post = await getPost(id)
  return post ? { title: `${post.author.display_name}'s outfit`, description: post.caption ?? undefined } : { title: "Post not found" }
}

const VISIBILITY: Record<string, string> = { public: "Everyone", followers: "Followers only", private: "Only you" }

export default async function PostPage({ params }: Props) {
  const { countryCode, id } = await params
  const [post, viewer] = await Promise.all([getPost(id, countryCode), retrieveCustomer().catch(() => null)])
  if (!post) notFound()
  const isAuthor = viewer?.id === post.author.id
  // Whether the viewer follows the author is on the author's profile.
  const [{ comments }, author] = await Promise.all([listComments(post.id), viewer && !isAuthor ? getProfile(post.author.id) : Promise.resolve(null)])
  return (
    <div className="container page">
      <Breadcrumbs trail={[{ href: `/${countryCode}/feed`, label: "Feed" }]} />
      <div className="post-layout">
        <PostPhotos post={post} countryCode={countryCode} />
        <div>
          <h1 style={{ fontSize: "1.4rem" }}>
            <Link href={`/${countryCode}/feed/customers/${post.author.id}`} data-testid="post-author">
              {post.author.display_name}
            </Link>
          </h1>
          <p className="muted" style={{ marginTop: 0 }}>
            <time dateTime={post.created_at}>
              {new Date(post.created_at).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}
            </time>
            {isAuthor ? ` · Visible to: ${VISIBILITY[post.visibility] ?? post.visibility}` : ""}
            {isAuthor && post.status !== "published" ? ` · ${post.status === "pending" ? "Waiting for review" : "Hidden by moderators"}` : ""}
          </p>
          {post.caption ? (
            <p style={{ whiteSpace: "pre-wrap" }} data-testid="post-caption">
              {post.caption}
            </p>
          ) : null}
          <div className="post-actions">
            <LikeButton postId={post.id} liked={post.liked_by_me} count={post.like_count} countryCode={countryCode} signedIn={Boolean(viewer)} />
            {isAuthor ? <DeletePostButton postId={post.id} countryCode={countryCode} /> : null}
            {author ? (
              <FollowButton customerId={author.id} name={author.display_name} following={author.followed_by_me} countryCode={countryCode} signedIn />
            ) : null}
          </div>
          {post.photos.length ? (
            <p>
              <ShopThisLookLink countryCode={countryCode} photo={{ post: post.id }} />
            </p>
          ) : null}
          <TaggedProducts tags={post.tags} countryCode={countryCode} />
          <CommentThread comments={comments} postId={post.id} countryCode={countryCode} viewerId={viewer?.id ?? null} />
          {isAuthor ? null : <ReportForm postId={post.id} countryCode={countryCode} signedIn={Boolean(viewer)} />}
        </div>
      </div>
    </div>
  )
}
