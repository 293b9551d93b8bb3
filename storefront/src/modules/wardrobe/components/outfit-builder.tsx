"use client"

import { useActionState, useState } from "react"
import { searchTaggableProducts, type TaggableProduct } from "@lib/data/social"
import { createOutfit, type WardrobeItem } from "@lib/data/wardrobe"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { SEASONS } from "../seasons"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

type PickedProduct = { product_id: string; variant_id: string; title: string; variants: TaggableProduct["variants"] }

/** Builds an outfit from wardrobe items and, optionally, products from the shop to complete it. */
export default function OutfitBuilder({ items, countryCode }: { items: WardrobeItem[]; countryCode: string }) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(createOutfit, null)
  const [products, setProducts] = useState<PickedProduct[]>([])
  const [query, setQuery] = useState("")
  const [results, setResults] = useState<TaggableProduct[] | null>(null)
  const [searchError, setSearchError] = useState<string | null>(null)
  const errors = state?.fieldErrors ?? {}
  const picked = new Set((state?.values?.item_ids ?? "").split(",").filter(Boolean))

  async function search() {
    if (!query.trim()) return setSearchError("Type a product name, brand or colour to search.")
    setSearchError(null)
    const found = await searchTaggableProducts(countryCode, query)
    if ("error" in found) return setSearchError(found.error)
    setResults(found)
  }

  return (
    <form action={action} noValidate data-testid="outfit-builder" data-hydrated={hydrated}>
      <input type="hidden" name="country_code" value={countryCode} />
      <input
        type="hidden"
        name="products"
        value={JSON.stringify(products.map((p) => ({ product_id: p.product_id, ...(p.variant_id ? { variant_id: p.variant_id } : {}) })))}
      />
      <FormError error={state?.error} />
      <div className="form-grid">
        <Field form="outfit" name="name" label="Name" required defaultValue={state?.values?.name} error={errors.name} wide />
        <Field form="outfit" name="occasion" label="Occasion" defaultValue={state?.values?.occasion} hint="Work, weekend, wedding…" />
        <div className="field">
          <label htmlFor="outfit-season">
            Season <span className="muted">(optional)</span>
          </label>
          <select id="outfit-season" name="season" defaultValue={state?.values?.season ?? ""}>
            <option value="">Not set</option>
            {SEASONS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset style={{ border: "none", padding: 0, margin: "0 0 1rem" }} aria-describedby={errors.item_ids ? "outfit-items-error" : undefined}>
        <legend style={{ fontWeight: 700, marginBottom: ".5rem" }}>Pieces from your wardrobe</legend>
        {errors.item_ids ? (
          <p id="outfit-items-error" role="alert" className="field__error">
            {errors.item_ids}
          </p>
        ) : null}
        {items.length ? (
          <ul className="pick-grid">
            {items.map((item) => (
              <li key={item.id}>
                <label className="pick">
                  <input type="checkbox" name="item_ids" value={item.id} defaultChecked={picked.has(item.id)} />
                  <span className="media-box" style={{ display: "block" }}>
                    {item.photo_url ? (
                      // eslint-disable-next-line @next/next/no-img-element -- 3:4 box
                      <img src={item.photo_url} alt="" width={130} height={173} loading="lazy" />
                    ) : null}
                  </span>
                  <span>{item.name}</span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Your wardrobe is empty: add items first, or build the outfit from shop products below.</p>
        )}
      </fieldset>
      <fieldset style={{ border: "1px solid var(--line)", borderRadius: "var(--radius)", padding: "1rem", margin: "0 0 1rem" }}>
        <legend style={{ fontWeight: 700 }}>
          Complete it with shop products <span className="muted">(optional)</span>
        </legend>
        <label htmlFor="outfit-product-search">Search the shop</label>
        <div style={{ display: "flex", gap: ".5rem" }}>
          <input
            id="outfit-product-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault()
                void search()
              }
            }}
          />
          <button type="button" className="button button--secondary" onClick={search}>
            Search
          </button>
        </div>
        {searchError ? (
          <p role="alert" className="field__error">
            {searchError}
          </p>
        ) : null}
        {results ? (
          results.length ? (
            <ul className="chip-list" style={{ margin: ".75rem 0" }} aria-label="Products found">
              {results.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="chip"
                    onClick={() => {
                      if (!products.some((x) => x.product_id === p.id))
                        setProducts([...products, { product_id: p.id, variant_id: "", title: p.title, variants: p.variants }])
                      setResults(null)
                      setQuery("")
                    }}
                  >
                    Add {p.title}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p role="status" className="muted">
              Nothing found. Try another word.
            </p>
          )
        ) : null}
        {products.length ? (
          <ul
            style={{ listStyle: "none", padding: 0, margin: ".75rem 0 0", display: "grid", gap: ".5rem" }}
            aria-label="Shop products in this outfit"
          >
            {products.map((p) => (
              <li key={p.product_id} style={{ display: "flex", gap: ".5rem", alignItems: "center", flexWrap: "wrap" }}>
                <strong>{p.title}</strong>
                {p.variants.length > 1 ? (
                  <>
                    <label htmlFor={`variant-${p.product_id}`} className="visually-hidden">
                      Size or colour of {p.title}
                    </label>
                    <select
                      id={`variant-${p.product_id}`}
                      style={{ width: "auto" }}
                      value={p.variant_id}
                      onChange={(e) => setProducts(products.map((x) => (x.product_id === p.product_id ? { ...x, variant_id: e.target.value } : x)))}
                    >
                      <option value="">Any size or colour</option>
                      {p.variants.map((v) => (
                        <option key={v.id} value={v.id}>
                          {v.title}
                        </option>
                      ))}
                    </select>
                  </>
                ) : null}
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => setProducts(products.filter((x) => x.product_id !== p.product_id))}
                  aria-label={`Remove ${p.title}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="outfit-notes">
          Notes <span className="muted">(optional)</span>
        </label>
        <textarea id="outfit-notes" name="notes" rows={2} maxLength={2000} defaultValue={state?.values?.notes} />
      </div>
      <SubmitButton pendingText="Saving…" testId="save-outfit">
        Save outfit
      </SubmitButton>
    </form>
  )
}
