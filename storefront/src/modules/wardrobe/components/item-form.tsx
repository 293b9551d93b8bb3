"use client"

import { useRef, useState, useTransition } from "react"
import { useRouter } from "next/navigation"
import type { StoreWardrobePhotoSuggestionsResponse } from "@curator/types/wardrobe"
import { type WardrobeItem } from "@lib/data/wardrobe"
import Field from "@modules/common/components/field"
import ProductCard from "@modules/products/components/product-card"
import { SEASONS } from "../seasons"
import { itemBody, readItemForm, type ItemFormValues } from "../item-fields"
import { useHydrated } from "@lib/hooks/use-hydrated"
import { decodePhoto, MAX_PHOTO_BYTES, megabytes, photoProblem, unreadablePhoto, uploadErrorMessage } from "@lib/util/uploads"
import FormError from "@modules/common/components/form-error"

type FormState = { error?: string; fieldErrors?: Record<string, string>; values?: ItemFormValues } | null

/** Matching shop products shown under the photo. */
const PHOTO_MATCHES = 4

/**
 * Add or edit a wardrobe item, with an optional photo. Sent as multipart to the storefront's upload
 * route (src/app/api/wardrobe/items), which streams it to Medusa; a photo over the limit is refused
 * here before anything is sent. A chosen photo is also looked at (src/app/api/wardrobe/photo-suggestions):
 * its main garment's category and colours fill the fields the shopper left empty (or that an earlier
 * photo filled), and the shop's matching products are shown.
 */
export default function ItemForm({ countryCode, item, currency }: { countryCode: string; item?: WardrobeItem; currency: string }) {
  const hydrated = useHydrated()
  const router = useRouter()
  const [state, setState] = useState<FormState>(null)
  const [sending, setSending] = useState(false)
  const [navigating, startTransition] = useTransition()
  const [preview, setPreview] = useState<string | null>(null)
  const [photoHelp, setPhotoHelp] = useState<StoreWardrobePhotoSuggestionsResponse | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  // What the last suggestion wrote into each field: a field still holding it may take the next one.
  const filled = useRef<Record<string, string>>({})
  const latestPhoto = useRef(0)
  const v = (name: keyof WardrobeItem | "colours") => {
    if (state?.values && name in state.values) return state.values[name]
    if (!item) return undefined
    const value = item[name as keyof WardrobeItem]
    return Array.isArray(value) ? value.join(", ") : value === null || value === undefined ? undefined : String(value)
  }
  const formId = item ? "edit-item" : "new-item"
  const errors = state?.fieldErrors ?? {}
  const pending = sending || navigating

  /** Suggests category and colours from the photo; when that fails, nothing is suggested and the shopper fills them in. */
  async function suggestFromPhoto(file: File) {
    const ticket = ++latestPhoto.current
    setPhotoHelp(null)
    const body = new FormData()
    body.append("image", file, file.name || "photo.jpg")
    body.append("country_code", countryCode)
    body.append("limit", String(PHOTO_MATCHES))
    const suggestion = await fetch("/api/wardrobe/photo-suggestions", { method: "POST", body })
      .then((response) => (response.ok ? (response.json() as Promise<StoreWardrobePhotoSuggestionsResponse>) : null))
      .catch(() => null)
    if (ticket !== latestPhoto.current || !suggestion?.category) return
    const fill = (name: string, value: string) => {
      const input = formRef.current?.elements.namedItem(name)
      if (!(input instanceof HTMLInputElement) || !value) return
      if (input.value.trim() && input.value !== filled.current[name]) return
      input.value = value
      filled.current[name] = value
    }
    fill("category", suggestion.category)
    fill("colours", suggestion.colours.join(", "))
    setPhotoHelp(suggestion)
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (pending) return
    const formData = new FormData(event.currentTarget)
    const { values, fieldErrors, file } = readItemForm(formData)
    if (Object.keys(fieldErrors).length) return setState({ fieldErrors, values })
    setState({ values })
    setSending(true)
    let target: string | null = null
    let error: string | undefined
    try {
      const response = await fetch(item ? `/api/wardrobe/items/${encodeURIComponent(item.id)}` : "/api/wardrobe/items", {
        method: "POST",
        body: itemBody(values, file, { edit: Boolean(item), removePhoto: formData.get("remove_photo") === "on" }),
      })
      if (response.status === 401) target = `/${countryCode}/account`
      else if (!response.ok)
        error = await uploadErrorMessage(response, item ? "The changes could not be saved. Try again." : "The item could not be saved. Try again.")
      else {
        const { item: saved } = (await response.json()) as { item: WardrobeItem }
        target = `/${countryCode}/wardrobe/items/${encodeURIComponent(saved.id)}?${item ? "saved" : "added"}=1`
      }
    } catch {
      error = "The shop could not be reached. Check your connection and try again."
    }
    setSending(false)
    if (error) return setState({ error, values })
    if (target) startTransition(() => router.push(target))
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="item-form" data-hydrated={hydrated}>
      <FormError error={state?.error} />
      <div className="form-grid">
        <Field
          form={formId}
          name="name"
          label="Name"
          required
          defaultValue={v("name")}
          error={errors.name}
          wide
          hint="What you call it, like “Navy wool coat”."
        />
        <Field
          form={formId}
          name="category"
          label="Category"
          defaultValue={v("category")}
          error={errors.category}
          hint="For example knitwear, shoes, trousers."
        />
        <Field form={formId} name="colours" label="Colours" defaultValue={v("colours")} error={errors.colours} hint="Separate several with commas." />
        <Field form={formId} name="brand" label="Brand" defaultValue={v("brand")} error={errors.brand} />
        <Field form={formId} name="size" label="Size" defaultValue={v("size")} error={errors.size} />
        <Field form={formId} name="material" label="Material" defaultValue={v("material")} error={errors.material} />
        <div className="field">
          <label htmlFor={`${formId}-season`}>
            Season <span className="muted">(optional)</span>
          </label>
          <select id={`${formId}-season`} name="season" defaultValue={v("season") ?? ""}>
            <option value="">Not set</option>
            {SEASONS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          form={formId}
          name="price_paid"
          label={`Price paid (${(v("currency_code") ?? currency).toUpperCase()})`}
          type="number"
          defaultValue={v("price_paid")}
          error={errors.price_paid}
          hint="Used for the cost per wear."
        />
        <input type="hidden" name="currency_code" value={v("currency_code") ?? currency} />
        <Field
          form={formId}
          name="acquired_on"
          label="Bought on"
          type="date"
          defaultValue={v("acquired_on")?.slice(0, 10)}
          error={errors.acquired_on}
        />
        <div className="field field--wide">
          <label htmlFor={`${formId}-notes`}>
            Notes <span className="muted">(optional)</span>
          </label>
          <textarea id={`${formId}-notes`} name="notes" rows={3} maxLength={2000} defaultValue={v("notes")} />
        </div>
        <div className="field field--wide">
          <label htmlFor={`${formId}-photo`}>
            {item?.photo_url ? "Replace the photo" : "Photo"} <span className="muted">(optional)</span>
          </label>
          <input
            id={`${formId}-photo`}
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={errors.photo ? true : undefined}
            aria-describedby={`${formId}-photo-hint${errors.photo ? ` ${formId}-photo-error` : ""}`}
            onChange={async (e) => {
              const input = e.target
              const file = input.files?.[0]
              const ticket = ++latestPhoto.current
              setPhotoHelp(null)
              setPreview(null)
              let problem = file ? photoProblem(file) : null
              const decoded = file && !problem ? await decodePhoto(file) : null
              if (ticket !== latestPhoto.current) return
              if (file && !problem && !decoded) problem = unreadablePhoto(file.name)
              setState((current) => ({ ...current, fieldErrors: { ...current?.fieldErrors, photo: problem ?? "" } }))
              if (problem) input.value = ""
              setPreview(decoded?.url ?? null)
              if (file && decoded) void suggestFromPhoto(file)
            }}
          />
          <p id={`${formId}-photo-hint`} className="muted" style={{ margin: ".25rem 0 0", fontSize: ".85rem" }}>
            JPEG, PNG or WebP, up to {megabytes(MAX_PHOTO_BYTES)}.
          </p>
          {errors.photo ? (
            <p id={`${formId}-photo-error`} role="alert" className="field__error">
              {errors.photo}
            </p>
          ) : null}
          {preview ? (
            <div className="media-box" style={{ width: 120, marginTop: ".5rem" }}>
              {/* eslint-disable-next-line @next/next/no-img-element -- local preview in a 3:4 box */}
              <img src={preview} alt="The chosen photo" width={120} height={160} />
            </div>
          ) : null}
          {photoHelp ? (
            <div role="status" className="notice" style={{ marginTop: ".75rem" }} data-testid="photo-suggestion">
              <p style={{ margin: 0 }}>
                From your photo: {[photoHelp.category, photoHelp.colours.join(", ")].filter(Boolean).join(" · ")}. Change the category and colours
                above if they are not right.
              </p>
              {photoHelp.products.length ? (
                <div style={{ marginTop: ".75rem" }} data-testid="photo-suggestion-products">
                  <p style={{ margin: "0 0 .5rem", fontWeight: 600 }}>Like it in the shop</p>
                  <ul className="product-grid">
                    {photoHelp.products.slice(0, PHOTO_MATCHES).map(({ product, reasons }) => (
                      <li key={product.id}>
                        <ProductCard product={product} countryCode={countryCode} currency={currency} reasons={reasons} />
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          ) : null}
          {item?.photo_url ? (
            <label className="facet-option" style={{ marginTop: ".5rem" }}>
              <input type="checkbox" name="remove_photo" /> Remove the current photo
            </label>
          ) : null}
        </div>
      </div>
      {/* Before hydration the form has no handler: a native submit would post the page itself. */}
      <button type="submit" className="button" disabled={pending || !hydrated} aria-disabled={pending || !hydrated} data-testid="save-item">
        {pending ? "Saving…" : item ? "Save changes" : "Add to wardrobe"}
      </button>
    </form>
  )
}
