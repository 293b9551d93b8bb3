import { defineRouteConfig } from "@medusajs/admin-sdk"
import { FlagMini } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, Select, StatusBadge, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { HiddenReason, listAuthorPosts, listPosts, ModeratedPost, ModerationAction, moderatePost, PostStatus, ReporterStanding, retrievePost } from "./api"

const PAGE_SIZE = 20
type View = "queue" | PostStatus | "all"

const STATUS_COLOUR: Record<PostStatus, "green" | "orange" | "red" | "grey"> = {
  published: "green",
  pending: "orange",
  hidden: "red",
  removed: "grey",
}

const ACTIONS: { action: ModerationAction; label: string; variant: "primary" | "secondary" | "danger" }[] = [
  { action: "approve", label: "Approve", variant: "primary" },
  { action: "hide", label: "Hide", variant: "secondary" },
  { action: "remove", label: "Remove", variant: "danger" },
]

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—")

/** Open reports first by reason, e.g. "spam ×2, counterfeit". */
function reasonsOf(post: ModeratedPost) {
  const open = post.reports.filter((r) => !r.resolved_at)
  const counts = new Map<string, number>()
  for (const r of open) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1)
  return [...counts].map(([reason, n]) => (n > 1 ? `${reason} ×${n}` : reason)).join(", ")
}

/** One line on why shoppers do not see a post: the reports' weighted score, or who decided. */
function hiddenReasonText(reason: HiddenReason): string {
  if (reason.type === "reports") {
    return `Hidden automatically: ${reason.report_count} ${reason.report_count === 1 ? "report" : "reports"} weighing ${reason.score} reached the threshold of ${reason.threshold}`
  }
  return `${reason.action === "hide" ? "Hidden" : "Removed"} by ${reason.moderator.name}${reason.note ? ` — “${reason.note}”` : ""}`
}

/** "60 days old · 1 order · 2 upheld, 1 rejected earlier reports": what a report's weight came from. */
function standingText(standing: ReporterStanding | null): string {
  if (!standing) return "reported before reports were weighed"
  const age = standing.account_age_days < 1 ? "new account" : `${Math.floor(standing.account_age_days)} days old`
  const orders = `${standing.orders} ${standing.orders === 1 ? "order" : "orders"}`
  const history = standing.upheld_reports || standing.rejected_reports ? ` · earlier reports ${standing.upheld_reports} upheld, ${standing.rejected_reports} rejected` : ""
  return `${age} · ${orders}${history}`
}

/**
 * Moderation of the social feed: the queue of pending and reported posts (oldest first), or all
 * posts by status; a post's photos, tags, reports and its author's history in a drawer, with
 * approve, hide and remove.
 */
const ModerationPage = () => {
  const [view, setView] = useState<View>("queue")
  const [offset, setOffset] = useState(0)
  const [list, setList] = useState<{ posts: ModeratedPost[]; count: number }>({ posts: [], count: 0 })
  const [loading, setLoading] = useState(true)
  const [selected, setSelected] = useState<ModeratedPost | null>(null)
  const [history, setHistory] = useState<ModeratedPost[]>([])
  const [note, setNote] = useState("")
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    setLoading(true)
    try {
      const data = await listPosts(view, offset, PAGE_SIZE)
      setList({ posts: data.posts, count: data.count })
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setLoading(false)
    }
  }, [view, offset])

  useEffect(() => {
    load()
  }, [load])

  const open = async (id: string) => {
    try {
      const { post } = await retrievePost(id)
      setSelected(post)
      setNote("")
      setHistory((await listAuthorPosts(post.author.id)).posts.filter((p) => p.id !== post.id))
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  const decide = async (action: ModerationAction) => {
    if (!selected) return
    setBusy(true)
    try {
      const { post } = await moderatePost(selected.id, action, note)
      setSelected(post)
      toast.success(`Post ${action === "approve" ? "approved" : action === "hide" ? "hidden" : "removed"}`)
      await load()
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const pages = Math.max(1, Math.ceil(list.count / PAGE_SIZE))
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Moderation</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Posts waiting for approval and posts shoppers reported. A decision resolves the post's open reports.
          </Text>
        </div>
        <div className="w-48">
          <Select
            value={view}
            onValueChange={(value) => {
              setView(value as View)
              setOffset(0)
            }}
          >
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="queue">Queue</Select.Item>
              <Select.Item value="all">All posts</Select.Item>
              <Select.Item value="published">Published</Select.Item>
              <Select.Item value="pending">Pending</Select.Item>
              <Select.Item value="hidden">Hidden</Select.Item>
              <Select.Item value="removed">Removed</Select.Item>
            </Select.Content>
          </Select>
        </div>
      </div>

      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Photo</Table.HeaderCell>
            <Table.HeaderCell>Caption</Table.HeaderCell>
            <Table.HeaderCell>Author</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Open reports</Table.HeaderCell>
            <Table.HeaderCell>Posted</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {list.posts.map((post) => (
            <Table.Row key={post.id} className="cursor-pointer" onClick={() => open(post.id)}>
              <Table.Cell>
                {post.photos[0] ? <img src={post.photos[0].url} alt="" className="h-12 w-10 rounded object-cover" /> : null}
              </Table.Cell>
              <Table.Cell className="max-w-xs truncate">{post.caption ?? "—"}</Table.Cell>
              <Table.Cell>{post.author.display_name}</Table.Cell>
              <Table.Cell>
                <StatusBadge color={STATUS_COLOUR[post.status]}>{post.status}</StatusBadge>
                {post.hidden_reason ? (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {post.hidden_reason.type === "reports" ? `by reports (score ${post.hidden_reason.score})` : `by ${post.hidden_reason.moderator.name}`}
                  </Text>
                ) : null}
              </Table.Cell>
              <Table.Cell>
                {post.open_report_count ? `${post.open_report_count} (${reasonsOf(post)}) · score ${post.open_report_score}` : "—"}
              </Table.Cell>
              <Table.Cell>{when(post.created_at)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!loading && !list.posts.length ? (
        <Text className="text-ui-fg-subtle px-6 py-4">{view === "queue" ? "Nothing waiting for a decision." : "No posts."}</Text>
      ) : null}
      <Table.Pagination
        count={list.count}
        pageSize={PAGE_SIZE}
        pageIndex={Math.floor(offset / PAGE_SIZE)}
        pageCount={pages}
        canPreviousPage={offset > 0}
        canNextPage={offset + PAGE_SIZE < list.count}
        previousPage={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
        nextPage={() => setOffset(offset + PAGE_SIZE)}
      />

      <Drawer open={!!selected} onOpenChange={(isOpen) => !isOpen && setSelected(null)}>
        <Drawer.Content>
          <Drawer.Header>
            <Drawer.Title>{selected ? `Post by ${selected.author.display_name}` : "Post"}</Drawer.Title>
          </Drawer.Header>
          {selected ? (
            <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
              <div className="flex items-center gap-x-2">
                <StatusBadge color={STATUS_COLOUR[selected.status]}>{selected.status}</StatusBadge>
                <Badge size="2xsmall">{selected.visibility}</Badge>
                <Text size="small" className="text-ui-fg-subtle">
                  {selected.like_count} likes · {selected.comment_count} comments · posted {when(selected.created_at)}
                </Text>
              </div>
              <div className="grid grid-cols-2 gap-2">
                {selected.photos.map((photo) => (
                  <img key={photo.id} src={photo.url} alt="" className="w-full rounded-lg object-cover" />
                ))}
              </div>
              <Text>{selected.caption ?? "No caption"}</Text>
              <div>
                <Text weight="plus">Tagged products</Text>
                {selected.tags.map((tag) => (
                  <Text key={tag.id} size="small">
                    {tag.product?.title ?? tag.product_id}
                  </Text>
                ))}
              </div>
              {selected.hidden_reason ? (
                <div data-testid="hidden-reason" className="bg-ui-bg-subtle rounded-md px-3 py-2">
                  <Text weight="plus" size="small">Why it is hidden</Text>
                  <Text size="small">{hiddenReasonText(selected.hidden_reason)}</Text>
                  {selected.hidden_reason.at ? (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {when(selected.hidden_reason.at)}
                    </Text>
                  ) : null}
                </div>
              ) : null}
              <div>
                <Text weight="plus">
                  Reports ({selected.report_count}){selected.open_report_count ? ` · open reports weigh ${selected.open_report_score}` : ""}
                </Text>
                {selected.reports.map((report) => (
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
              {selected.moderated_at ? (
                <Text size="small" className="text-ui-fg-subtle">
                  Last decision: {selected.status} by{" "}
                  {selected.hidden_reason?.type === "moderator" ? selected.hidden_reason.moderator.name : selected.moderated_by} on {when(selected.moderated_at)}
                  {selected.moderation_note ? ` — ${selected.moderation_note}` : ""}
                </Text>
              ) : null}
              {selected.author_history ? (
                <div>
                  <Text weight="plus">Author's history</Text>
                  <Text size="small">
                    {selected.author_history.post_count} posts: {selected.author_history.by_status.published} published,{" "}
                    {selected.author_history.by_status.pending} pending, {selected.author_history.by_status.hidden} hidden,{" "}
                    {selected.author_history.by_status.removed} removed · {selected.author_history.reports_received} reports received
                  </Text>
                  {history.map((post) => (
                    <button key={post.id} type="button" className="text-ui-fg-interactive block text-left text-sm" onClick={() => open(post.id)}>
                      {when(post.created_at)} · {post.status} · {post.caption ?? "No caption"}
                    </button>
                  ))}
                </div>
              ) : null}
              <Textarea placeholder="Note for the record (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
            </Drawer.Body>
          ) : null}
          <Drawer.Footer>
            {ACTIONS.map(({ action, label, variant }) => (
              <Button key={action} variant={variant} size="small" isLoading={busy} disabled={busy} onClick={() => decide(action)}>
                {label}
              </Button>
            ))}
          </Drawer.Footer>
        </Drawer.Content>
      </Drawer>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Moderation",
  icon: FlagMini,
})

export default ModerationPage
