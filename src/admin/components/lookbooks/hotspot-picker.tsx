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

/** The option that names a product's colour ("Colour", "Color"). */
const COLOUR_OPTION = /^colou?rs?$/i

type SearchedProduct = HttpTypes.AdminProduct

/** A product's colours in its variants' order, and the first variant of each (which stands for that colour). */
export function coloursOf(product: SearchedProduct): { colour: string; variant_id: string }[] {
  const option = (product.options ?? []).find((o) => COLOUR_OPTION.test(o.title))
  const colours = new Map<string, string>()
  for (const v of product.variants ?? []) {
    const value = option ? (v.options ?? []).find((o) => o.option_id === option.id)?.value : undefined
    if (value && !colours.has(value)) colours.set(value, v.id)
  }
  return [...colours].map(([colour, variant_id]) => ({ colour, variant_id }))
}

/**
 * Chooses the product a hotspot sells (Medusa's own product search) and the colour shown in the
 * photo, both deliberately: nothing is preselected. The hotspot keeps a variant of that colour;
 * shoppers choose their own size in the store, so which size it is does not matter.
 */
export const HotspotPicker = ({ point, onPick, onCancel }: { point: Point; onPick: (hotspot: AdminHotspotInput) => void; onCancel: () => void }) => {
  const [q, setQ] = useState("")
  const search = useDebounced(q.trim(), 250)
  const { data: hits = [], error } = useProductSearch(search)
  const [product, setProduct] = useState<SearchedProduct | null>(null)
  const [colour, setColour] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const colours = product ? coloursOf(product) : []

  const add = () => {
    if (!product) return setProblem("Choose the product this hotspot sells.")
    if (colours.length > 1 && !colour) return setProblem("Choose the colour shown in the photo.")
    const variantId = colours.length ? colours.find((c) => c.colour === (colour || colours[0].colour))!.variant_id : product.variants?.[0]?.id
    if (!variantId) return setProblem(`${product.title} has no variants to sell.`)
    onPick({ ...point, product_id: product.id, variant_id: variantId })
  }

  return (
    <div className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-md border p-3">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">
          New hotspot at {Math.round(point.x * 100)}% × {Math.round(point.y * 100)}%
        </Text>
        <IconButton size="small" variant="transparent" onClick={onCancel} aria-label="Cancel the new hotspot">
          <XMark />
        </IconButton>
      </div>
      <Input
        size="small"
        type="search"
        aria-label="Search products"
        placeholder="Search products"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoFocus
      />
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
            aria-pressed={product?.id === hit.id}
            onClick={() => {
              setProduct(hit)
              setColour("")
              setProblem(null)
            }}
            className={`flex items-center gap-x-2 rounded p-1 text-left ${product?.id === hit.id ? "bg-ui-bg-base-pressed" : "hover:bg-ui-bg-base-hover"}`}
          >
            {hit.thumbnail && <img src={hit.thumbnail} alt="" className="h-8 w-8 rounded object-cover" />}
            <Text size="small">{hit.title}</Text>
          </button>
        ))}
      </div>
      <div className="flex items-end gap-x-2">
        {product && colours.length > 1 && (
          <div className="flex flex-1 flex-col gap-y-1">
            <Label size="small" htmlFor={`hotspot-colour-${product.id}`}>
              Colour in the photo
            </Label>
            <Select
              size="small"
              value={colour}
              onValueChange={(value) => {
                setColour(value)
                setProblem(null)
              }}
            >
              <Select.Trigger id={`hotspot-colour-${product.id}`} aria-label="Colour in the photo">
                <Select.Value placeholder="Choose a colour" />
              </Select.Trigger>
              <Select.Content>
                {colours.map((c) => (
                  <Select.Item key={c.colour} value={c.colour}>
                    {c.colour}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        )}
        {product && colours.length <= 1 && (
          <Text size="small" className="text-ui-fg-subtle flex-1">
            {product.title}
            {colours.length === 1 ? ` in ${colours[0].colour}` : ""}
          </Text>
        )}
        <Button size="small" onClick={add}>
          Add hotspot
        </Button>
      </div>
      {problem && (
        <Text size="small" role="alert" className="text-ui-fg-error">
          {problem}
        </Text>
      )}
    </div>
  )
}
