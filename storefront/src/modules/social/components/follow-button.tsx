"use client"

import Link from "next/link"
import { useState, useTransition } from "react"
import { setFollowing } from "@lib/data/social"

/** Follow / unfollow a customer; guests get a link to sign in. Reports the new follower count. */
export default function FollowButton({
  customerId,
  name,
  following,
  countryCode,
  signedIn,
  onChange,
}: {
  customerId: string
  name: string
  following: boolean
  countryCode: string
  signedIn: boolean
  onChange?: (followerCount: number) => void
}) {
  const [isFollowing, setIsFollowing] = useState(following)
  const [error, setError] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  if (!signedIn) {
    return (
      <Link href={`/${countryCode}/account`} className="button button--secondary">
        Sign in to follow {name}
      </Link>
    )
  }
  const toggle = () =>
    startTransition(async () => {
      setError(null)
      const result = await setFollowing(countryCode, customerId, !isFollowing)
      if (result.profile) {
        setIsFollowing(result.profile.followed_by_me)
        onChange?.(result.profile.follower_count)
      } else setError(result.error ?? "That did not work. Try again.")
    })
  return (
    <>
      <button
        type="button"
        className={`button${isFollowing ? " button--secondary" : ""}`}
        aria-pressed={isFollowing}
        onClick={toggle}
        disabled={pending}
        data-testid="follow-button"
      >
        {isFollowing ? `Following ${name}` : `Follow ${name}`}
      </button>
      {error ? (
        <span role="alert" className="field__error">
          {error}
        </span>
      ) : null}
    </>
  )
}
