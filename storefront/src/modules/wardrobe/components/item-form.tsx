"use client"

import { useActionState, useState } from "react"
import { createItem, updateItem, type WardrobeItem } from "@lib/data/wardrobe"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { SEASONS } from "../seasons"
import { useHydrated } from "@lib/hooks/use-hydrated"

/** Add or edit a wardrobe item, with an optional photo (multipart `photo`). */
export default function ItemForm({ countryCode, item, currency }: { countryCode: string; item?: WardrobeItem; currency: string }) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(item ? updateItem : createItem, null)
  const [preview, setPreview] = useState<string | null>(null)
  const v = (name: keyof WardrobeItem | "colours") => {
    if (state?.values && name in state.values) return state.values[name]
    if (!item) return undefined
    const value = item[name as keyof WardrobeItem]
    return Array.isArray(value) ? value.join(", ") : value === null || value === undefined ? undefined : String(value)
  }
  const formId = item ? "edit-item" : "new-item"
  const errors = state?.fieldErrors ?? {}
  return (
    <form action={action} noValidate data-testid="item-form" data-hydrated={hydrated}>
      <input type="hidden" name="country_code" value={countryCode} />
      {item ? <input type="hidden" name="item_id" value={item.id} /> : null}
      {state?.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      <div className="form-grid">
        <Field form={formId} name="name" label="Name" required defaultValue={v("name")} error={errors.name} wide hint="What you call it, like “Navy wool coat”." />
        <Field form={formId} name="category" label="Category" defaultValue={v("category")} error={errors.category} hint="For example knitwear, shoes, trousers." />
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
        <Field form={formId} name="price_paid" label={`Price paid (${(v("currency_code") ?? currency).toUpperCase()})`} type="number" defaultValue={v("price_paid")} error={errors.price_paid} hint="Used for the cost per wear." />
        <input type="hidden" name="currency_code" value={v("currency_code") ?? currency} />
        <Field form={formId} name="acquired_on" label="Bought on" type="date" defaultValue={v("acquired_on")?.slice(0, 10)} error={errors.acquired_on} />
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
            aria-describedby={`${formId}-photo-hint`}
            onChange={(e) => {
              const file = e.target.files?.[0]
              setPreview(file ? URL.createObjectURL(file) : null)
            }}
          />
          <p id={`${formId}-photo-hint`} className="muted" style={{ margin: ".25rem 0 0", fontSize: ".85rem" }}>
            JPEG, PNG or WebP, up to 10 MB.
          </p>
          {preview ? (
            <div className="media-box" style={{ width: 120, marginTop: ".5rem" }}>
              {/* eslint-disable-next-line @next/next/no-img-element -- local preview in a 3:4 box */}
              <img src={preview} alt="The chosen photo" width={120} height={160} />
            </div>
          ) : null}
          {item?.photo_url ? (
            <label className="facet-option" style={{ marginTop: ".5rem" }}>
              <input type="checkbox" name="remove_photo" /> Remove the current photo
            </label>
          ) : null}
        </div>
      </div>
      <SubmitButton pendingText="Saving…" testId="save-item">
        {item ? "Save changes" : "Add to wardrobe"}
      </SubmitButton>
    </form>
  )
}
