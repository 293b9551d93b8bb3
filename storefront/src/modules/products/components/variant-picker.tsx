"use client"

import Link from "next/link"
import { startTransition, useActionState, useEffect, useMemo, useState } from "react"
import { addToCart, type CartActionState } from "@lib/data/cart"
import MiniCart from "@modules/cart/components/mini-cart"
import Price from "@modules/common/components/price"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import { defaultColour } from "@lib/util/colour-images"
import { useChosenColour } from "./chosen-colour"
import FormError from "@modules/common/components/form-error"

export type PickerVariant = {
  id: string
  options: Record<string, string>
  amount: number | null
  original: number | null
  /** Units available; null when the variant is not stock-managed. */
  stock: number | null
}

export function stockLabel(stock: number | null): string {
  if (stock === null) return "Available"
  if (stock <= 0) return "Out of stock"
  if (stock <= 3) return `Only ${stock} left`
  return "In stock"
}

const SIZE_ORDER = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "One size"]
export const sizeRank = (v: string) => {
  const i = SIZE_ORDER.indexOf(v)
  return i === -1 ? 100 + (Number.parseFloat(v) || 0) : i
}

/**
 * Colour, then size: each size shows whether it can be bought in the shopper's region, and
 * the price follows the chosen variant in the region's currency. Inside a ChosenColourProvider the
 * colour is the page's (the gallery follows it).
 */
export default function VariantPicker({
  variants,
  colourOption,
  sizeOption,
  currency,
  countryCode,
}: {
  variants: PickerVariant[]
  colourOption?: string
  sizeOption?: string
  currency: string
  countryCode: string
}) {
  const colours = useMemo(
    () => (colourOption ? [...new Set(variants.map((v) => v.options[colourOption]).filter(Boolean))] : []),
    [variants, colourOption]
  )
  const shared = useChosenColour()
  const [ownColour, setOwnColour] = useState<string | undefined>(() => defaultColour(variants, colourOption))
  const colour = shared ? shared.colour : ownColour
  const setColour = shared ? shared.setColour : setOwnColour
  const forColour = variants.filter((v) => !colourOption || v.options[colourOption] === colour)
  const sizes = sizeOption ? forColour.slice().sort((a, b) => sizeRank(a.options[sizeOption]) - sizeRank(b.options[sizeOption])) : forColour
  const [variantId, setVariantId] = useState<string | undefined>(sizes.length === 1 && (sizes[0].stock ?? 1) > 0 ? sizes[0].id : undefined)
  const selected = variants.find((v) => v.id === variantId && forColour.includes(v))
  // Try-on opens with the colour and size ticked here.
  const setSharedVariant = shared?.setVariantId
  useEffect(() => setSharedVariant?.(selected?.id), [setSharedVariant, selected?.id])
  const [state, action] = useActionState(addToCart, null)
  // The mini-cart opens after each add until the shopper closes it.
  const [dismissed, setDismissed] = useState<CartActionState>(null)
  // A size ticked before hydration would be reset by React (see useHydrated).
  const hydrated = useHydrated()

  const shown =
    selected ??
    forColour.reduce<PickerVariant | undefined>((min, v) => (v.amount !== null && (!min || (min.amount ?? Infinity) > v.amount) ? v : min), undefined)

  return (
    <form
      action={action}
      onSubmit={(event) => {
        // React resets a form after its action, and the reset unticks controlled radios (React 19),
        // which lost the chosen colour and size: submitted through a transition instead, nothing is
        // reset. `action` stays for a submit before hydration.
        event.preventDefault()
        const data = new FormData(event.currentTarget)
        if (selected) data.set("variant_id", selected.id)
        startTransition(() => action(data))
      }}
      data-testid="variant-picker"
      data-hydrated={hydrated}
    >
      <p className="product__price" style={{ fontSize: "1.4rem", margin: "0 0 1rem" }} data-testid="product-price">
        <Price amount={shown?.amount} original={shown?.original} currency={currency} />
      </p>
      {colourOption && colours.length ? (
        <fieldset className="size-grid">
          <legend style={{ fontWeight: 700, marginBottom: ".4rem" }}>
            Colour: <span style={{ fontWeight: 400 }}>{colour}</span>
          </legend>
          {colours.map((c) => (
            <label key={c} className="size-option" data-testid="colour-option">
              <input
                type="radio"
                name="colour"
                value={c}
                checked={c === colour}
                onChange={() => {
                  setColour(c)
                  setVariantId(undefined)
                }}
              />
              <span>{c}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="size-grid" aria-describedby="size-help">
        <legend style={{ fontWeight: 700, marginBottom: ".4rem" }}>{sizeOption ? "Size" : "Option"}</legend>
        {sizes.map((v) => {
          const soldOut = v.stock !== null && v.stock <= 0
          const label = sizeOption ? v.options[sizeOption] : Object.values(v.options).join(" / ")
          return (
            <label key={v.id} className="size-option" data-testid="size-option">
              <input
                type="radio"
                name="variant_id"
                value={v.id}
                disabled={soldOut}
                checked={variantId === v.id}
                onChange={() => setVariantId(v.id)}
              />
              <span>
                {label}
                <small>{stockLabel(v.stock)}</small>
              </span>
            </label>
          )
        })}
      </fieldset>
      <p id="size-help" className="muted" style={{ fontSize: ".85rem" }}>
        Stock shown is what the warehouse serving your region holds.
      </p>
      <input type="hidden" name="country_code" value={countryCode} />
      <input type="hidden" name="quantity" value="1" />
      <FormError error={state?.error} />
      {state?.ok ? (
        <p role="status" className="form-ok" data-testid="added-to-cart">
          Added to your cart. <Link href={`/${countryCode}/cart`}>View cart</Link>
        </p>
      ) : null}
      {state?.added && dismissed !== state ? <MiniCart added={state.added} countryCode={countryCode} onClose={() => setDismissed(state)} /> : null}
      {selected ? (
        <SubmitButton className="button button--full" pendingText="Adding…" testId="add-to-cart">
          Add to cart
        </SubmitButton>
      ) : (
        <button type="button" className="button button--full" aria-disabled="true" disabled data-testid="add-to-cart">
          {sizes.every((v) => v.stock !== null && v.stock <= 0) ? "Out of stock" : "Choose a size"}
        </button>
      )}
    </form>
  )
}
