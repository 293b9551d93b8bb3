"use client"

import Link from "next/link"
import { useState, useTransition } from "react"
import { setLiked } from "@lib/data/social"

/** Like / unlike; guests get a link to sign in instead. */
export default function LikeButton({
  postId,
  liked,
  count,
  countryCode,
  signedIn,
}: {
  postId: string
  liked: boolean
  count: number
  countryCode: string
  signedIn: boolean
}) {
  const [state, setState] = useState({ liked, count })
  const [error, setError] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  if (!signedIn) {
    return (
      <Link href={`/${countryCode}/account`} className="button button--secondary" data-testid="like-sign-in">
        ♥ {count} · Sign in to like
      </Link>
    )
  }
  const toggle = () =>
    startTransition(async () => {
      setError(null)
      const result = await setLiked(countryCode, postId, !state.liked)
      if (result.post) setState({ liked: result.post.liked_by_me, count: result.post.like_count })
      else setError(result.error ?? "That did not work. Try again.")
    })
  return (
    <>
      <button
        type="button"
        className={`button${state.liked ? "" : " button--secondary"}`}
        aria-pressed={state.liked}
        onClick={toggle}
        disabled={pending}
        data-testid="like-button"
      >
        ♥ {state.liked ? "Liked" : "Like"} <span aria-label={`${state.count} likes`}>({state.count})</span>
      </button>
      {error ? (
        <span role="alert" className="field__error">
          {error}
        </span>
      ) : null}
    </>
  )
}
