"use client"

import { useActionState, useEffect, useRef } from "react"
import { addComment } from "@lib/data/social"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"

/** Comment on a post, or reply to a comment (parentId). Clears itself after posting. */
export default function CommentForm({
  postId,
  parentId,
  countryCode,
  label,
  onDone,
}: {
  postId: string
  parentId?: string
  countryCode: string
  label: string
  onDone?: () => void
}) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(addComment, null)
  const formRef = useRef<HTMLFormElement>(null)
  const id = `comment-${parentId ?? postId}`
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset()
      onDone?.()
    }
  }, [state?.ok, onDone])
  return (
    <form
      action={action}
      ref={formRef}
      data-testid={parentId ? "reply-form" : "comment-form"}
      data-hydrated={hydrated}
      style={{ margin: ".5rem 0 1rem" }}
    >
      <input type="hidden" name="post_id" value={postId} />
      <input type="hidden" name="country_code" value={countryCode} />
      {parentId ? <input type="hidden" name="parent_id" value={parentId} /> : null}
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name="body"
        rows={parentId ? 2 : 3}
        maxLength={2000}
        required
        aria-invalid={state?.error ? true : undefined}
        aria-describedby={state?.error ? `${id}-error` : undefined}
      />
      {state?.error ? (
        <p id={`${id}-error`} role="alert" className="field__error">
          {state.error}
        </p>
      ) : null}
      <div style={{ marginTop: ".5rem" }}>
        <SubmitButton className="button button--secondary" pendingText="Posting…">
          {parentId ? "Post reply" : "Post comment"}
        </SubmitButton>
      </div>
    </form>
  )
}
