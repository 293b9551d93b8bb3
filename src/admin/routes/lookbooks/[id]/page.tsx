import { ArrowDownMini, ArrowUpMini, Trash, XMark } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Heading,
  IconButton,
  Input,
  Label,
  Select,
  StatusBadge,
  Text,
  Textarea,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { MouseEvent, useCallback, useEffect, useRef, useState } from "react"
import { useNavigate, useParams } from "react-router-dom"
import { adminFetch, Hotspot, Look, Lookbook, percent } from "../api"

type ProductHit = {
  id: string
  title: string
  thumbnail: string | null
  variants: { id: string; title: string | null; sku: string | null }[]
}

const errorToast = (error: unknown) => toast.error((error as Error).message)

/**
 * Chooses a product (Medusa's own GET /admin/products?q=) and one of its variants for a hotspot
 * the merchant placed by clicking on a look.
 */
const HotspotPicker = ({ point, onPick, onCancel }: { point: { x: number; y: number }; onPick: (h: Hotspot) => void; onCancel: () => void }) => {
  const [q, setQ] = useState("")
  const [hits, setHits] = useState<ProductHit[]>([])
  const [product, setProduct] = useState<ProductHit | null>(null)
  const [variantId, setVariantId] = useState("")

  useEffect(() => {
    const timer = setTimeout(async () => {
      if (!q.trim()) return setHits([])
      try {
        const params = new URLSearchParams({ q: q.trim(), limit: "8", fields: "id,title,thumbnail,variants.id,variants.title,variants.sku" })
        const data = await adminFetch<{ products: ProductHit[] }>(`/admin/products?${params}`)
        setHits(data.products)
      } catch (error) {
        errorToast(error)
      }
    }, 250)
    return () => clearTimeout(timer)
  }, [q])

  return (
    <div className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-md border p-3">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">
          New hotspot at {Math.round(point.x * 100)}% × {Math.round(point.y * 100)}%
        </Text>
        <IconButton size="small" variant="transparent" onClick={onCancel}>
          <XMark />
        </IconButton>
      </div>
      <Input size="small" type="search" placeholder="Search products" value={q} onChange={(e) => setQ(e.target.value)} autoFocus />
      <div className="flex max-h-48 flex-col gap-y-1 overflow-y-auto">
        {hits.map((hit) => (
          <button
            key={hit.id}
            type="button"
            onClick={() => {
              setProduct(hit)
              setVariantId(hit.variants[0]?.id ?? "")
            }}
            className={`flex items-center gap-x-2 rounded p-1 text-left ${product?.id === hit.id ? "bg-ui-bg-base-pressed" : "hover:bg-ui-bg-base-hover"}`}
          >
            {hit.thumbnail && <img src={hit.thumbnail} alt="" className="h-8 w-8 rounded object-cover" />}
            <Text size="small">{hit.title}</Text>
          </button>
        ))}
      </div>
      {product && (
        <div className="flex items-end gap-x-2">
          <div className="flex flex-1 flex-col gap-y-1">
            <Label size="small">Variant</Label>
            <Select size="small" value={variantId} onValueChange={setVariantId}>
              <Select.Trigger>
                <Select.Value placeholder="Choose a variant" />
              </Select.Trigger>
              <Select.Content>
                {product.variants.map((v) => (
                  <Select.Item key={v.id} value={v.id}>
                    {v.title ?? v.id} {v.sku ? `(${v.sku})` : ""}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <Button size="small" disabled={!variantId} onClick={() => onPick({ ...point, product_id: product.id, variant_id: variantId })}>
            Add hotspot
          </Button>
        </div>
      )}
    </div>
  )
}

/** One look: its image with hotspots (click to add one), notes, order buttons and its numbers. */
const LookCard = ({
  look,
  lookbookId,
  isFirst,
  isLast,
  moving,
  onMove,
  onChanged,
}: {
  look: Look
  lookbookId: string
  isFirst: boolean
  isLast: boolean
  /** A reorder is being saved: the order on screen is about to change. */
  moving: boolean
  onMove: (direction: -1 | 1) => void
  onChanged: () => void
}) => {
  const prompt = usePrompt()
  const [notes, setNotes] = useState(look.notes ?? "")
  const [point, setPoint] = useState<{ x: number; y: number } | null>(null)
  const base = `/admin/lookbooks/${lookbookId}/looks/${look.id}`

  useEffect(() => setNotes(look.notes ?? ""), [look.notes])

  const placePoint = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 1000) / 1000))
    setPoint({ x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) })
  }

  const saveHotspots = async (hotspots: Hotspot[]) => {
    try {
      await adminFetch(`${base}/hotspots`, {
        method: "POST",
        json: { hotspots: hotspots.map(({ x, y, variant_id, product_id }) => ({ x, y, variant_id, product_id })) },
      })
      setPoint(null)
      onChanged()
    } catch (error) {
      errorToast(error)
    }
  }

  const saveNotes = async () => {
    try {
      await adminFetch(base, { method: "POST", json: { notes } })
      toast.success("Notes saved")
      onChanged()
    } catch (error) {
      errorToast(error)
    }
  }

  const remove = async () => {
    if (!(await prompt({ title: "Delete this look?", description: "Its image and hotspots are deleted too." }))) return
    try {
      await adminFetch(base, { method: "DELETE" })
      onChanged()
    } catch (error) {
      errorToast(error)
    }
  }

  return (
    <Container className="flex flex-col gap-y-3 p-4" data-look-id={look.id}>
      <div className="flex items-center justify-between">
        <div className="flex items-center gap-x-2">
          <Badge size="2xsmall">#{look.position + 1}</Badge>
          <Text size="small" className="text-ui-fg-subtle">
            {look.views} views · {look.add_to_cart_count} added to cart · {percent(look.rate)} rate
          </Text>
        </div>
        <div className="flex gap-x-1">
          <IconButton size="small" variant="transparent" disabled={isFirst || moving} onClick={() => onMove(-1)} aria-label="Move up">
            <ArrowUpMini />
          </IconButton>
          <IconButton size="small" variant="transparent" disabled={isLast || moving} onClick={() => onMove(1)} aria-label="Move down">
            <ArrowDownMini />
          </IconButton>
          <IconButton size="small" variant="transparent" onClick={remove} aria-label="Delete look">
            <Trash />
          </IconButton>
        </div>
      </div>
      <div className="flex gap-x-4">
        <div className="relative w-1/2 shrink-0 cursor-crosshair select-none" onClick={placePoint}>
          <img src={look.image_url} alt={look.notes ?? "Look"} className="w-full rounded-md" draggable={false} />
          {[...look.hotspots, ...(point ? [{ ...point, product_id: "", variant_id: "", id: "pending" }] : [])].map((h, i) => (
            <span
              key={h.id ?? i}
              title={h.product?.title ?? ""}
              className={`absolute h-4 w-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white shadow ${h.id === "pending" ? "bg-ui-tag-orange-icon" : "bg-ui-fg-interactive"}`}
              style={{ left: `${h.x * 100}%`, top: `${h.y * 100}%` }}
            />
          ))}
        </div>
        <div className="flex flex-1 flex-col gap-y-3">
          <Text size="xsmall" className="text-ui-fg-muted">
            Click the image to place a hotspot.
          </Text>
          {point && <HotspotPicker point={point} onCancel={() => setPoint(null)} onPick={(h) => saveHotspots([...look.hotspots, h])} />}
          <div className="flex flex-col gap-y-1">
            {look.hotspots.map((h) => (
              <div key={h.id} className="flex items-center justify-between gap-x-2">
                <Text size="small">
                  {h.product?.title ?? <span className="text-ui-fg-error">deleted product</span>}
                  {h.variant ? ` — ${h.variant.title ?? h.variant.sku}` : " — variant deleted"}
                  {h.product && h.product.status !== "published" && <Badge size="2xsmall" className="ml-1">{h.product.status}</Badge>}
                </Text>
                <IconButton size="small" variant="transparent" aria-label="Remove hotspot" onClick={() => saveHotspots(look.hotspots.filter((o) => o.id !== h.id))}>
                  <XMark />
                </IconButton>
              </div>
            ))}
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small">Notes</Label>
            <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
            <div className="flex justify-end">
              <Button size="small" variant="secondary" onClick={saveNotes} disabled={notes === (look.notes ?? "")}>
                Save notes
              </Button>
            </div>
          </div>
        </div>
      </div>
    </Container>
  )
}

/** The lookbook editor: details, publishing, cover, looks with hotspots, and their numbers. */
const LookbookEditorPage = () => {
  const { id } = useParams()
  const navigate = useNavigate()
  const prompt = usePrompt()
  const [lookbook, setLookbook] = useState<Lookbook | null>(null)
  const [form, setForm] = useState({ title: "", handle: "", description: "", season: "", position: "0" })
  const [busy, setBusy] = useState(false)
  const [newLookNotes, setNewLookNotes] = useState("")
  const lookFile = useRef<HTMLInputElement>(null)
  const coverFile = useRef<HTMLInputElement>(null)

  // Loads can overlap (a hotspot saved, then a reorder): only the newest may set the state, or
  // a slow older response would show a stale order.
  const latestLoad = useRef(0)
  const load = useCallback(async () => {
    const ticket = ++latestLoad.current
    try {
      const data = await adminFetch<{ lookbook: Lookbook }>(`/admin/lookbooks/${id}`)
      if (ticket !== latestLoad.current) return
      setLookbook(data.lookbook)
      const l = data.lookbook
      setForm({ title: l.title, handle: l.handle, description: l.description ?? "", season: l.season ?? "", position: String(l.position) })
    } catch (error) {
      errorToast(error)
    }
  }, [id])

  useEffect(() => {
    load()
  }, [load])

  const run = async (action: () => Promise<unknown>, success?: string) => {
    setBusy(true)
    try {
      await action()
      if (success) toast.success(success)
      await load()
    } catch (error) {
      errorToast(error)
    } finally {
      setBusy(false)
    }
  }

  if (!lookbook) return <Container className="px-6 py-4"><Text>Loading…</Text></Container>

  const base = `/admin/lookbooks/${lookbook.id}`
  const published = lookbook.status === "published"
  const totals = lookbook.looks.reduce((t, l) => ({ views: t.views + l.views, added: t.added + l.add_to_cart_count }), { views: 0, added: 0 })

  const saveDetails = () =>
    run(
      () =>
        adminFetch(base, {
          method: "POST",
          json: { title: form.title, handle: form.handle, description: form.description, season: form.season, position: Number(form.position) || 0 },
        }),
      "Saved"
    )

  const upload = (path: string, input: HTMLInputElement | null, fields: Record<string, string> = {}) => {
    const file = input?.files?.[0]
    if (!file) return toast.error("Choose an image first")
    const body = new FormData()
    body.append("image", file)
    for (const [k, v] of Object.entries(fields)) if (v) body.append(k, v)
    return run(async () => {
      await adminFetch(path, { method: "POST", body })
      if (input) input.value = ""
      setNewLookNotes("")
    }, "Uploaded")
  }

  const move = (index: number, direction: -1 | 1) => {
    const ids = lookbook.looks.map((l) => l.id)
    const [moved] = ids.splice(index, 1)
    ids.splice(index + direction, 0, moved)
    return run(() => adminFetch(`${base}/looks/reorder`, { method: "POST", json: { look_ids: ids } }))
  }

  const remove = async () => {
    if (!(await prompt({ title: `Delete "${lookbook.title}"?`, description: "Its looks, hotspots and images are deleted too." }))) return
    await run(() => adminFetch(base, { method: "DELETE" }))
    navigate("/lookbooks")
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex items-center justify-between">
          <div className="flex items-center gap-x-2">
            <Heading level="h1">{lookbook.title}</Heading>
            <StatusBadge color={published ? "green" : "grey"}>{lookbook.status}</StatusBadge>
          </div>
          <div className="flex gap-x-2">
            <Button
              size="small"
              variant={published ? "secondary" : "primary"}
              isLoading={busy}
              onClick={() => run(() => adminFetch(base, { method: "POST", json: { status: published ? "draft" : "published" } }), published ? "Unpublished" : "Published")}
            >
              {published ? "Unpublish" : "Publish"}
            </Button>
            <Button size="small" variant="danger" onClick={remove}>
              Delete
            </Button>
          </div>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {totals.views} views · {totals.added} added to cart · {percent(totals.views ? totals.added / totals.views : 0)} add-to-cart rate
        </Text>
        <div className="grid grid-cols-2 gap-4">
          <div className="flex flex-col gap-y-1">
            <Label>Title</Label>
            <Input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label>Handle</Label>
            <Input value={form.handle} onChange={(e) => setForm({ ...form, handle: e.target.value })} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label>Season</Label>
            <Input value={form.season} onChange={(e) => setForm({ ...form, season: e.target.value })} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label>Position (store order)</Label>
            <Input type="number" min={0} value={form.position} onChange={(e) => setForm({ ...form, position: e.target.value })} />
          </div>
          <div className="col-span-2 flex flex-col gap-y-1">
            <Label>Description</Label>
            <Textarea value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
          </div>
        </div>
        <div className="flex items-end justify-between gap-x-4">
          <div className="flex items-end gap-x-3">
            {lookbook.cover_image_url && <img src={lookbook.cover_image_url} alt="Cover" className="h-16 rounded object-cover" />}
            <div className="flex flex-col gap-y-1">
              <Label size="small">Cover image</Label>
              <input ref={coverFile} type="file" accept="image/jpeg,image/png,image/webp" className="text-ui-fg-subtle text-sm" />
            </div>
            <Button size="small" variant="secondary" onClick={() => upload(`${base}/cover`, coverFile.current)}>
              Upload cover
            </Button>
          </div>
          <Button size="small" isLoading={busy} onClick={saveDetails}>
            Save details
          </Button>
        </div>
      </Container>

      {lookbook.looks.map((look, index) => (
        <LookCard
          key={look.id}
          look={look}
          lookbookId={lookbook.id}
          isFirst={index === 0}
          isLast={index === lookbook.looks.length - 1}
          moving={busy}
          onMove={(direction) => move(index, direction)}
          onChanged={load}
        />
      ))}

      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h2">Add a look</Heading>
        <input ref={lookFile} type="file" accept="image/jpeg,image/png,image/webp" className="text-ui-fg-subtle text-sm" />
        <Textarea placeholder="Notes (optional)" value={newLookNotes} onChange={(e) => setNewLookNotes(e.target.value)} />
        <div className="flex justify-end">
          <Button size="small" isLoading={busy} onClick={() => upload(`${base}/looks`, lookFile.current, { notes: newLookNotes })}>
            Upload look
          </Button>
        </div>
      </Container>
    </div>
  )
}

export default LookbookEditorPage
