"use client"

import Link from "next/link"
import { useState, useTransition } from "react"
import { deleteComment, type Comment, type Reply } from "@lib/data/social"
import CommentForm from "./comment-form"

function CommentItem({
  comment,
  postId,
  countryCode,
  viewerId,
  canReply,
}: {
  comment: Comment | Reply
  postId: string
  countryCode: string
  viewerId: string | null
  canReply: boolean
}) {
  const [replying, setReplying] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  const remove = () =>
    startTransition(async () => {
      const result = await deleteComment(countryCode, postId, comment.id)
      if (result.error) setError(result.error)
    })
  return (
    <li className="comment" data-testid="comment">
      <div className="comment__head">
        <Link href={`/${countryCode}/feed/customers/${comment.author.id}`} style={{ fontWeight: 600 }}>
          {comment.author.display_name}
        </Link>
        <time className="muted" dateTime={comment.created_at}>
          {new Date(comment.created_at).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}
        </time>
      </div>
      <p className="comment__body">{comment.body}</p>
      <div style={{ display: "flex", gap: ".5rem" }}>
        {canReply && viewerId ? (
          <button type="button" className="button button--link" aria-expanded={replying} onClick={() => setReplying(!replying)}>
            Reply
          </button>
        ) : null}
        {viewerId === comment.author.id ? (
          <button type="button" className="button button--link" onClick={remove} disabled={pending}>
            {pending ? "Deleting…" : "Delete"}
          </button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      {replying ? (
        <CommentForm
          postId={postId}
          parentId={comment.id}
          countryCode={countryCode}
          label={`Reply to ${comment.author.display_name}`}
          onDone={() => setReplying(false)}
        />
      ) : null}
      {"replies" in comment && comment.replies.length ? (
        <ul className="comments" aria-label={`Replies to ${comment.author.display_name}`}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} postId={postId} countryCode={countryCode} viewerId={viewerId} canReply={false} />
          ))}
        </ul>
      ) : null}
    </li>
  )
}

/** Comments with their replies; signed-in shoppers reply and delete their own. */
export default function CommentThread({
  comments,
  postId,
  countryCode,
  viewerId,
}: {
  comments: Comment[]
  postId: string
  countryCode: string
  viewerId: string | null
}) {
  return (
    <section aria-labelledby="comments-heading" style={{ marginTop: "2rem" }}>
      <h2 id="comments-heading">Comments</h2>
      {viewerId ? (
        <CommentForm postId={postId} countryCode={countryCode} label="Add a comment" />
      ) : (
        <p>
          <Link href={`/${countryCode}/account`}>Sign in</Link> to comment.
        </p>
      )}
      {comments.length ? (
        <ul className="comments" data-testid="comments">
          {comments.map((c) => (
            <CommentItem key={c.id} comment={c} postId={postId} countryCode={countryCode} viewerId={viewerId} canReply />
          ))}
        </ul>
      ) : (
        <p className="muted">No comments yet. {viewerId ? "Start the conversation." : ""}</p>
      )}
    </section>
  )
}
