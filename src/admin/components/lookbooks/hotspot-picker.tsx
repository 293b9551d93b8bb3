import { XMark } from "@medusajs/icons"
import { Button, IconButton, Input, Label, Select, Text } from "@medusajs/ui"
import { HttpTypes } from "@medusajs/framework/types"
import { useEffect, useState } from "react"
import { useProductSearch } from "../../hooks/lookbooks"
import { AdminHotspotInput } from "../../lib/types"

export type Point = { x: number; y: number }

/** The search text once typing pauses, so that not every keystroke searches. */
const useDebounced = (value: string, ms: number) => {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

/**
 * Chooses a product (Medusa's own product search) and one of its variants for a hotspot the
 * merchant placed by clicking on a look.
 */
export const HotspotPicker = ({ point, onPick, onCancel }: { point: Point; onPick: (hotspot: AdminHotspotInput) => void; onCancel: () => void }) => {
  const [q, setQ] = useState("")
  const search = useDebounced(q.trim(), 250)
  const { data: hits = [], error } = useProductSearch(search)
  const [product, setProduct] = useState<HttpTypes.AdminProduct | null>(null)
  const [variantId, setVariantId] = useState("")

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
      {error && (
        <Text size="small" className="text-ui-fg-error">
          {error.message}
        </Text>
      )}
      <div className="flex max-h-48 flex-col gap-y-1 overflow-y-auto">
        {(search ? hits : []).map((hit) => (
          <button
            key={hit.id}
            type="button"
            onClick={() => {
              setProduct(hit)
              setVariantId(hit.variants?.[0]?.id ?? "")
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
                {(product.variants ?? []).map((v) => (
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
