import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { retrieveCustomer } from "@lib/data/customer"
import { getProfile, listCustomerPosts } from "@lib/data/social"
import PostList from "@modules/social/components/post-list"
import ProfileHeader from "@modules/social/components/profile-header"
import "@modules/social/social.css"
import Breadcrumbs from "@modules/common/components/breadcrumbs"

type Props = { params: Promise<{ countryCode: string; id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params
  const profile = await getProfile(id)
  return { title: profile ? profile.display_name : "Profile not found" }
}

export default async function ProfilePage({ params }: Props) {
  const { countryCode, id } = await params
  const [profile, viewer] = await Promise.all([getProfile(id), retrieveCustomer().catch(() => null)])
  if (!profile) notFound()
  const { posts, next_cursor } = await listCustomerPosts(id)
  const isMe = viewer?.id === profile.id
  return (
    <div className="container page">
      <Breadcrumbs trail={[{ href: `/${countryCode}/feed`, label: "Feed" }]} />
      <ProfileHeader profile={profile} countryCode={countryCode} signedIn={Boolean(viewer)} isMe={isMe} />
      {posts.length ? (
        <PostList
          initial={posts}
          nextCursor={next_cursor}
          source={{ customer_id: profile.id }}
          countryCode={countryCode}
          label={`Posts by ${profile.display_name}`}
        />
      ) : (
        <div className="empty-state">
          <h2>No posts to show</h2>
          {isMe ? (
            <>
              <p>Share your first outfit and tag what you are wearing.</p>
              <Link href={`/${countryCode}/feed/new`} className="button">
                Share an outfit
              </Link>
            </>
          ) : (
            <p>{profile.display_name} has not shared anything you can see yet. Follow them to see their posts when they do.</p>
          )}
        </div>
      )}
    </div>
  )
}
