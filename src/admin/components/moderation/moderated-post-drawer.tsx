import { Badge, Button, Drawer, StatusBadge, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useAuthorPosts, useModeratedPost, useModeratePost } from "../../hooks/social-moderation"
import { when } from "../../lib/format"
import { AdminSocialPost, AdminSocialPostDetail, SocialModerationAction } from "../../lib/types"
import { hiddenReasonText, STATUS_COLOUR, standingText } from "./describe"

const ACTIONS: { action: SocialModerationAction; label: string; variant: "primary" | "secondary" | "danger" }[] = [
  { action: "approve", label: "Approve", variant: "primary" },
  { action: "hide", label: "Hide", variant: "secondary" },
  { action: "remove", label: "Remove", variant: "danger" },
]

const DONE: Record<SocialModerationAction, string> = { approve: "approved", hide: "hidden", remove: "removed" }

/**
 * One post in a drawer: photos, tags, the post it nearly copies, reports with their weights, why it is hidden, the author's
 * history (a click opens that post), and approve, hide and remove with a note for the record.
 */
export const ModeratedPostDrawer = ({ postId, onOpen, onClose }: { postId: string | null; onOpen: (id: string) => void; onClose: () => void }) => {
  const { data: post, error } = useModeratedPost(postId)
  const { data: authorPosts = [] } = useAuthorPosts(post?.author.id)
  const moderate = useModeratePost(postId ?? "")
  const [note, setNote] = useState("")

  useEffect(() => setNote(""), [postId])

  const decide = (action: SocialModerationAction) =>
    moderate.mutate({ action, note }, { onSuccess: () => toast.success(`Post ${DONE[action]}`), onError: (e) => toast.error(e.message) })

  return (
    <Drawer open={!!postId} onOpenChange={(isOpen) => !isOpen && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{post ? `Post by ${post.author.display_name}` : "Post"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {error && !post ? <Text className="text-ui-fg-error">{error.message}</Text> : null}
          {post ? <PostDetails post={post} history={authorPosts.filter((p) => p.id !== post.id)} onOpen={onOpen} /> : null}
          {post ? <Textarea placeholder="Note for the record (optional)" value={note} onChange={(e) => setNote(e.target.value)} /> : null}
        </Drawer.Body>
        <Drawer.Footer>
          {ACTIONS.map(({ action, label, variant }) => (
            <Button
              key={action}
              variant={variant}
              size="small"
              isLoading={moderate.isPending}
              disabled={!post || moderate.isPending}
              onClick={() => decide(action)}
            >
              {label}
            </Button>
          ))}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

const PostDetails = ({ post, history, onOpen }: { post: AdminSocialPostDetail; history: AdminSocialPost[]; onOpen: (id: string) => void }) => (
  <>
    <div className="flex items-center gap-x-2">
      <StatusBadge color={STATUS_COLOUR[post.status]}>{post.status}</StatusBadge>
      <Badge size="2xsmall">{post.visibility}</Badge>
      <Text size="small" className="text-ui-fg-subtle">
        {post.like_count} likes · {post.comment_count} comments · posted {when(post.created_at)}
      </Text>
    </div>
    <div className="grid grid-cols-2 gap-2">
      {post.photos.map((photo) => (
        <img key={photo.id} src={photo.url} alt="" className="w-full rounded-lg object-cover" />
      ))}
    </div>
    <Text>{post.caption ?? "No caption"}</Text>
    <div>
      <Text weight="plus">Tagged products</Text>
      {post.tags.map((tag) => (
        <Text key={tag.id} size="small">
          {tag.product?.title ?? tag.product_id}
        </Text>
      ))}
    </div>
    {post.hidden_reason ? (
      <div data-testid="hidden-reason" className="bg-ui-bg-subtle rounded-md px-3 py-2">
        <Text weight="plus" size="small">
          Why it is hidden
        </Text>
        <Text size="small">{hiddenReasonText(post.hidden_reason)}</Text>
        {post.hidden_reason.at ? (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {when(post.hidden_reason.at)}
          </Text>
        ) : null}
      </div>
    ) : null}
    {post.duplicate_of ? (
      <div data-testid="duplicate-of" className="bg-ui-bg-subtle rounded-md px-3 py-2">
        <Text weight="plus" size="small">
          Near-copy of another author's post
        </Text>
        <Text size="small">{post.duplicate_of.reason}</Text>
        <button type="button" className="text-ui-fg-interactive text-left text-sm" onClick={() => onOpen(post.duplicate_of!.post_id)}>
          Open the original
        </button>
      </div>
    ) : null}
    <div>
      <Text weight="plus">
        Reports ({post.report_count}){post.open_report_count ? ` · open reports weigh ${post.open_report_score}` : ""}
      </Text>
      {post.reports.map((report) => (
        <div key={report.id} className={report.resolved_at ? "text-ui-fg-muted" : undefined}>
          <Text size="small">
            {when(report.created_at)} · {report.reason}
            {report.note ? ` — “${report.note}”` : ""}
            {report.resolved_at ? ` (resolved)${report.outcome ? ` · ${report.outcome}` : ""}` : ""}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            weight {report.weight} · {standingText(report.reporter_standing)}
          </Text>
        </div>
      ))}
    </div>
    {post.moderated_at ? (
      <Text size="small" className="text-ui-fg-subtle">
        Last decision: {post.status} by {post.moderator?.name ?? (post.hidden_reason?.type === "reports" ? "reports" : "a moderator")} on{" "}
        {when(post.moderated_at)}
        {post.moderation_note ? ` — ${post.moderation_note}` : ""}
      </Text>
    ) : null}
    <div>
      <Text weight="plus">Author's history</Text>
      <Text size="small">
        {post.author_history.post_count} posts: {post.author_history.by_status.published} published, {post.author_history.by_status.pending} pending,{" "}
        {post.author_history.by_status.hidden} hidden, {post.author_history.by_status.removed} removed · {post.author_history.reports_received}{" "}
        reports received
      </Text>
      {history.map((other) => (
        <button key={other.id} type="button" className="text-ui-fg-interactive block text-left text-sm" onClick={() => onOpen(other.id)}>
          {when(other.created_at)} · {other.status} · {other.caption ?? "No caption"}
        </button>
      ))}
    </div>
  </>
)
