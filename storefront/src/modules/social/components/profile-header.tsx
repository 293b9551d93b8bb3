"use client"

import Link from "next/link"
import { useState } from "react"
import type { Profile } from "@lib/data/social"
import FollowButton from "./follow-button"

/** Name, counts and follow button; the follower count follows the button. */
export default function ProfileHeader({
  profile,
  countryCode,
  signedIn,
  isMe,
}: {
  profile: Profile
  countryCode: string
  signedIn: boolean
  isMe: boolean
}) {
  const [followers, setFollowers] = useState(profile.follower_count)
  return (
    <div className="profile-head">
      <div>
        <h1 data-testid="profile-name">{profile.display_name}</h1>
        <ul className="profile-stats">
          <li>
            <strong>{profile.post_count}</strong> {profile.post_count === 1 ? "post" : "posts"}
          </li>
          <li>
            <strong data-testid="follower-count">{followers}</strong> {followers === 1 ? "follower" : "followers"}
          </li>
          <li>
            <strong>{profile.following_count}</strong> following
          </li>
        </ul>
      </div>
      {isMe ? (
        <Link href={`/${countryCode}/feed/new`} className="button">
          Share an outfit
        </Link>
      ) : (
        <FollowButton
          customerId={profile.id}
          name={profile.display_name}
          following={profile.followed_by_me}
          countryCode={countryCode}
          signedIn={signedIn}
          onChange={setFollowers}
        />
      )}
    </div>
  )
}
