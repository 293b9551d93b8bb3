import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BookOpen } from "@medusajs/icons"
import { Container, Heading, Input, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { NewLookbookForm } from "../../components/lookbooks/new-lookbook-form"
import { seasonLabel } from "../../components/lookbooks/season-select"
import { useLookbooks } from "../../hooks/lookbooks"

const PAGE_SIZE = 20

/** Lookbooks: the list (drafts too, in store order) and a form to start a new one. */
const LookbooksPage = () => {
  const navigate = useNavigate()
  const [offset, setOffset] = useState(0)
  const [q, setQ] = useState("")
  const { data, error, isPending, isPlaceholderData } = useLookbooks({ limit: PAGE_SIZE, offset, ...(q.trim() ? { q: q.trim() } : {}) })
  const lookbooks = data?.lookbooks ?? []
  const count = data?.count ?? 0

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Lookbooks</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Shoppable looks for the storefront. Drafts stay hidden until published.
            </Text>
          </div>
          <Input
            size="small"
            type="search"
            aria-label="Search lookbooks"
            placeholder="Search title or handle"
            value={q}
            onChange={(e) => {
              setOffset(0)
              setQ(e.target.value)
            }}
            className="max-w-[240px]"
          />
        </div>
        {error && (
          <Text size="small" className="text-ui-fg-error px-6 py-4">
            {error.message}
          </Text>
        )}
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Title</Table.HeaderCell>
              <Table.HeaderCell>Handle</Table.HeaderCell>
              <Table.HeaderCell>Season</Table.HeaderCell>
              <Table.HeaderCell>Looks</Table.HeaderCell>
              <Table.HeaderCell>Position</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lookbooks.map((lookbook) => (
              <Table.Row key={lookbook.id} className="cursor-pointer" onClick={() => navigate(`/lookbooks/${lookbook.id}`)}>
                <Table.Cell>{lookbook.title}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle">/{lookbook.handle}</Table.Cell>
                <Table.Cell>{seasonLabel(lookbook.season)}</Table.Cell>
                <Table.Cell>{lookbook.look_count}</Table.Cell>
                <Table.Cell>{lookbook.position}</Table.Cell>
                <Table.Cell>
                  <StatusBadge color={lookbook.status === "published" ? "green" : "grey"}>{lookbook.status}</StatusBadge>
                </Table.Cell>
              </Table.Row>
            ))}
            {!isPending && !isPlaceholderData && !error && lookbooks.length === 0 && (
              <Table.Row>
                <Table.Cell>
                  <Text size="small" className="text-ui-fg-subtle">
                    No lookbooks yet.
                  </Text>
                </Table.Cell>
              </Table.Row>
            )}
          </Table.Body>
        </Table>
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
      </Container>

      <NewLookbookForm onCreated={(lookbook) => navigate(`/lookbooks/${lookbook.id}`)} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Lookbooks",
  icon: BookOpen,
})

export default LookbooksPage
