import { defineRouteConfig } from "@medusajs/admin-sdk"
import { FlagMini } from "@medusajs/icons"
import { Container, Heading, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { reasonsOf, STATUS_COLOUR } from "../../components/moderation/describe"
import { ModeratedPostDrawer } from "../../components/moderation/moderated-post-drawer"
import { ModerationView, useModeratedPosts } from "../../hooks/social-moderation"
import { when } from "../../lib/format"

const PAGE_SIZE = 20

const VIEWS: { value: ModerationView; label: string }[] = [
  { value: "queue", label: "Queue" },
  { value: "all", label: "All posts" },
  { value: "published", label: "Published" },
  { value: "pending", label: "Pending" },
  { value: "hidden", label: "Hidden" },
  { value: "removed", label: "Removed" },
]

/**
 * Moderation of the social feed: the queue of pending and reported posts (oldest first), or all
 * posts by status; a post's photos, tags, reports and its author's history in a drawer, with
 * approve, hide and remove.
 */
const ModerationPage = () => {
  const [view, setView] = useState<ModerationView>("queue")
  const [offset, setOffset] = useState(0)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const { data, error, isPending, isPlaceholderData } = useModeratedPosts(view, offset, PAGE_SIZE)
  const posts = data?.posts ?? []
  const count = data?.count ?? 0
  const lastPageOffset = Math.max(0, Math.ceil(count / PAGE_SIZE) - 1) * PAGE_SIZE

  // A decision takes a post out of the queue (or view): when that empties the last page, show the page that is now the last.
  useEffect(() => {
    if (data && !isPlaceholderData && offset > lastPageOffset) setOffset(lastPageOffset)
  }, [data, isPlaceholderData, offset, lastPageOffset])

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
              setView(value as ModerationView)
              setOffset(0)
            }}
          >
            <Select.Trigger aria-label="Posts to show">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {VIEWS.map(({ value, label }) => (
                <Select.Item key={value} value={value}>
                  {label}
                </Select.Item>
              ))}
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
          {posts.map((post) => (
            <Table.Row key={post.id} className="cursor-pointer" onClick={() => setSelectedId(post.id)}>
              <Table.Cell>{post.photos[0] ? <img src={post.photos[0].url} alt="" className="h-12 w-10 rounded object-cover" /> : null}</Table.Cell>
              <Table.Cell className="max-w-xs truncate">{post.caption ?? "—"}</Table.Cell>
              <Table.Cell>{post.author.display_name}</Table.Cell>
              <Table.Cell>
                <StatusBadge color={STATUS_COLOUR[post.status]}>{post.status}</StatusBadge>
                {post.hidden_reason ? (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {post.hidden_reason.type === "reports"
                      ? `by reports (score ${post.hidden_reason.score})`
                      : `by ${post.hidden_reason.moderator.name}`}
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
      {error ? <Text className="text-ui-fg-error px-6 py-4">{error.message}</Text> : null}
      {!isPending && !isPlaceholderData && !error && !posts.length ? (
        <Text className="text-ui-fg-subtle px-6 py-4">{view === "queue" ? "Nothing waiting for a decision." : "No posts."}</Text>
      ) : null}
      <Table.Pagination
        count={count}
        pageSize={PAGE_SIZE}
        pageIndex={Math.floor(offset / PAGE_SIZE)}
        pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
        canPreviousPage={offset > 0}
        canNextPage={offset + PAGE_SIZE < count}
        previousPage={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
        nextPage={() => setOffset(offset + PAGE_SIZE)}
      />

      <ModeratedPostDrawer postId={selectedId} onOpen={setSelectedId} onClose={() => setSelectedId(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Moderation",
  icon: FlagMini,
})

export default ModerationPage
