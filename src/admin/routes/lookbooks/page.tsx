import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BookOpen } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, StatusBadge, Table, Text, Textarea, toast } from "@medusajs/ui"
import { FormEvent, useCallback, useEffect, useState } from "react"
import { useNavigate } from "react-router-dom"
import { adminFetch, Lookbook } from "./api"

const PAGE_SIZE = 20

/** Lookbooks: the list (drafts too, in store order) and a form to start a new one. */
const LookbooksPage = () => {
  const navigate = useNavigate()
  const [lookbooks, setLookbooks] = useState<Lookbook[]>([])
  const [count, setCount] = useState(0)
  const [offset, setOffset] = useState(0)
  const [q, setQ] = useState("")
  const [loading, setLoading] = useState(true)
  const [draft, setDraft] = useState({ title: "", season: "", description: "" })
  const [creating, setCreating] = useState(false)

  const load = useCallback(async () => {
    setLoading(true)
    try {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) })
      if (q.trim()) params.set("q", q.trim())
      const data = await adminFetch<{ lookbooks: Lookbook[]; count: number }>(`/admin/lookbooks?${params}`)
      setLookbooks(data.lookbooks)
      setCount(data.count)
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setLoading(false)
    }
  }, [offset, q])

  useEffect(() => {
    load()
  }, [load])

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setCreating(true)
    try {
      const { lookbook } = await adminFetch<{ lookbook: Lookbook }>("/admin/lookbooks", {
        method: "POST",
        json: {
          title: draft.title,
          season: draft.season || undefined,
          description: draft.description || undefined,
        },
      })
      toast.success(`Created "${lookbook.title}"`)
      navigate(`/lookbooks/${lookbook.id}`)
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setCreating(false)
    }
  }

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
            placeholder="Search title or handle"
            value={q}
            onChange={(e) => {
              setOffset(0)
              setQ(e.target.value)
            }}
            className="max-w-[240px]"
          />
        </div>
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
                <Table.Cell>{lookbook.season ?? "–"}</Table.Cell>
                <Table.Cell>{lookbook.look_count ?? 0}</Table.Cell>
                <Table.Cell>{lookbook.position}</Table.Cell>
                <Table.Cell>
                  <StatusBadge color={lookbook.status === "published" ? "green" : "grey"}>{lookbook.status}</StatusBadge>
                </Table.Cell>
              </Table.Row>
            ))}
            {!loading && lookbooks.length === 0 && (
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

      <Container className="px-6 py-4">
        <Heading level="h2">New lookbook</Heading>
        <form onSubmit={create} className="mt-4 grid grid-cols-2 gap-4">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="lookbook-title">Title</Label>
            <Input id="lookbook-title" required value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} placeholder="Autumn Layers" />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="lookbook-season">Season</Label>
            <Input id="lookbook-season" value={draft.season} onChange={(e) => setDraft({ ...draft, season: e.target.value })} placeholder="autumn-winter" />
          </div>
          <div className="col-span-2 flex flex-col gap-y-1">
            <Label htmlFor="lookbook-description">Description</Label>
            <Textarea id="lookbook-description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
          </div>
          <div className="col-span-2 flex justify-end">
            <Button type="submit" isLoading={creating} disabled={!draft.title.trim()}>
              Create draft
            </Button>
          </div>
        </form>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Lookbooks",
  icon: BookOpen,
})

export default LookbooksPage
