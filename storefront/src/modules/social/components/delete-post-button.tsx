"use client"

import { useState, useTransition } from "react"
import { deletePost } from "@lib/data/social"

/** The author deletes their post, after confirming. */
export default function DeletePostButton({ postId, countryCode }: { postId: string; countryCode: string }) {
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string | null>(null)
  const remove = () => {
    if (!window.confirm("Delete this post? This cannot be undone.")) return
    startTransition(async () => {
      const result = await deletePost(countryCode, postId)
      if (result?.error) setError(result.error)
    })
  }
  return (
    <>
      <button type="button" className="button button--secondary" onClick={remove} disabled={pending}>
        {pending ? "Deleting…" : "Delete post"}
      </button>
      {error ? (
        <span role="alert" className="field__error">
          {error}
        </span>
      ) : null}
    </>
  )
}
