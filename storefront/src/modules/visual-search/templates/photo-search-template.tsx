"use client"

import Link from "next/link"
import { useEffect, useRef, useState } from "react"
import { searchShopPhoto, type PhotoSearchItem, type PhotoSearchOutcome, type PhotoSearchResult, type ShopPhoto } from "@lib/data/visual-search"
import { useHydrated } from "@lib/hooks/use-hydrated"
import { DEFAULT_PHOTO_FILTERS, PHOTO_SEARCH_UNAVAILABLE, photoSearchBody, type PhotoSearchFilters, type ShopPhotoRef } from "@lib/util/photo-search"
import { photoProblem, uploadErrorMessage } from "@lib/util/uploads"
import GarmentPhoto from "../components/garment-photo"
import PhotoFilters from "../components/photo-filters"
import PhotoMatches from "../components/photo-matches"
import PhotoPicker from "../components/photo-picker"

/** The photo being searched: the shopper's own file (shown from a local URL), or a look's or post's photo. */
type SearchedPhoto = {
  src: string
  alt: string
  width?: number | null
  height?: number | null
  file?: File
  ref?: ShopPhotoRef
  from?: ShopPhoto["from"]
}

type SearchState =
  { kind: "idle" } | { kind: "searching" } | { kind: "done"; result: PhotoSearchResult } | { kind: "failed"; status: number; error: string }

const stateOf = (outcome: PhotoSearchOutcome): SearchState =>
  "result" in outcome ? { kind: "done", result: outcome.result } : { kind: "failed", status: outcome.status, error: outcome.error }

const titleCase = (handle: string) => handle.replace(/-/g, " ").replace(/(^|\s)(\w)/g, (_m, sep: string, c: string) => sep + c.toUpperCase())

/**
 * Search by photo: the shopper drops, chooses or takes a photo (or arrives with a look's or post's
 * photo from "Shop this look"); the photo is shown with every garment found in it outlined, and
 * the selected garment's products below, with price, size and in-stock filters. Uploads go through
 * the storefront's streaming route (src/app/api/visual-search); a shop photo is searched on the server.
 */
export default function PhotoSearchTemplate({
  countryCode,
  currency,
  sizes,
  categoryNames,
  initial,
}: {
  countryCode: string
  currency: string
  sizes: string[]
  /** Catalog category handle → name, for the garments' labels. */
  categoryNames: Record<string, string>
  /** A look's or post's photo, already searched by the page. */
  initial?: { ref: ShopPhotoRef; photo: ShopPhoto | null; outcome: PhotoSearchOutcome; filters: PhotoSearchFilters }
}) {
  const hydrated = useHydrated()
  const [photo, setPhoto] = useState<SearchedPhoto | null>(() => {
    const shown = initial?.photo
    return shown ? { src: shown.url, alt: shown.alt, width: shown.width, height: shown.height, from: shown.from, ref: initial.ref } : null
  })
  const [search, setSearch] = useState<SearchState>(initial ? stateOf(initial.outcome) : { kind: "idle" })
  const [filters, setFilters] = useState<PhotoSearchFilters>(initial?.filters ?? DEFAULT_PHOTO_FILTERS)
  const [selected, setSelected] = useState(0)
  // Answers shown so far: lets a test (or an assistive tool) tell a new answer from the last one.
  const [answers, setAnswers] = useState(initial ? 1 : 0)
  // Only the latest search may show its answer: an earlier one can finish after it.
  const latest = useRef(0)

  // A local preview URL holds the file in memory until it is revoked.
  const previewUrl = photo?.file ? photo.src : null
  useEffect(() => () => (previewUrl ? URL.revokeObjectURL(previewUrl) : undefined), [previewUrl])

  /** Searches the photo; with new filters on the same photo the selected garment stays selected. */
  async function run(target: SearchedPhoto, withFilters: PhotoSearchFilters, samePhoto = false) {
    const ticket = ++latest.current
    setSearch({ kind: "searching" })
    let next: SearchState
    if (target.file) {
      try {
        const response = await fetch("/api/visual-search", {
          method: "POST",
          body: photoSearchBody(target.file, target.file.name || "photo.jpg", countryCode, withFilters),
        })
        if (response.ok) next = { kind: "done", result: (await response.json()) as PhotoSearchResult }
        else if (response.status === 503) next = { kind: "failed", status: 503, error: PHOTO_SEARCH_UNAVAILABLE }
        else
          next = {
            kind: "failed",
            status: response.status,
            error: await uploadErrorMessage(response, "The photo could not be searched. Try another photo."),
          }
      } catch {
        next = { kind: "failed", status: 0, error: "The shop could not be reached. Check your connection and try again." }
      }
    } else if (target.ref) {
      next = await searchShopPhoto(countryCode, target.ref, withFilters)
        .then(({ outcome }) => stateOf(outcome))
        .catch(() => ({ kind: "failed" as const, status: 0, error: "The shop could not be reached. Check your connection and try again." }))
    } else return
    if (ticket !== latest.current) return
    setSelected((current) => (samePhoto && next.kind === "done" && current < next.result.items.length ? current : 0))
    setSearch(next)
    setAnswers((n) => n + 1)
  }

  function choose(file: File) {
    const problem = photoProblem(file)
    if (problem) {
      latest.current++
      setAnswers((n) => n + 1)
      return setSearch({ kind: "failed", status: 400, error: problem })
    }
    const next: SearchedPhoto = { src: URL.createObjectURL(file), alt: "Your photo", file }
    setPhoto(next)
    // The page's address named a look: it no longer describes what is shown.
    if (photo?.ref) window.history.replaceState(null, "", `/${countryCode}/search/photo`)
    void run(next, filters)
  }

  function applyFilters(next: PhotoSearchFilters) {
    setFilters(next)
    if (photo) void run(photo, next, true)
  }

  const result = search.kind === "done" ? search.result : null
  const items = result?.items ?? []
  const item: PhotoSearchItem | undefined = items[selected]
  const label = (i: PhotoSearchItem) => {
    const name = categoryNames[i.category.handle] ?? titleCase(i.category.handle)
    const colours = i.colours.map((c) => c.name).join(", ")
    return colours ? `${name} · ${colours}` : name
  }
  const searching = search.kind === "searching"

  return (
    <div className="photo-search" data-testid="photo-search" data-hydrated={hydrated} data-state={search.kind} data-searches={answers}>
      <section aria-label="Your photo">
        <PhotoPicker onPhoto={choose} disabled={!hydrated} compact={Boolean(photo)} />
        {photo ? (
          <GarmentPhoto
            src={photo.src}
            alt={photo.alt}
            width={photo.width}
            height={photo.height}
            items={items}
            selected={selected}
            onSelect={setSelected}
            label={label}
          />
        ) : null}
        {photo?.from ? (
          <p className="muted" style={{ fontSize: ".9rem" }}>
            From <Link href={photo.from.href}>{photo.from.label}</Link>
          </p>
        ) : null}
        <PhotoFilters
          filters={filters}
          sizes={sizes}
          currency={result?.currency_code ?? currency}
          disabled={!hydrated || searching}
          onApply={applyFilters}
        />
      </section>

      <section aria-labelledby="photo-results-heading" aria-busy={searching}>
        <div role="status" aria-live="polite">
          {search.kind === "idle" ? (
            <div className="empty-state" data-testid="photo-search-intro">
              <h2 id="photo-results-heading">Find what you photographed</h2>
              <p>
                Take a photo of an outfit, or use a screenshot or a flat lay: every garment in it is found, and you see pieces like it that you can
                buy now.
              </p>
            </div>
          ) : null}
          {searching ? (
            <p id="photo-results-heading" data-testid="photo-searching">
              Searching your photo…
            </p>
          ) : null}
        </div>

        {search.kind === "failed" && search.status === 503 ? (
          <div className="empty-state" data-testid="photo-search-unavailable">
            <h2 id="photo-results-heading">Photo search is unavailable right now</h2>
            <p>The rest of the shop works as usual. Try again in a few minutes, or search by words.</p>
            <Link href={`/${countryCode}/search`} className="button button--secondary">
              Search by words
            </Link>
          </div>
        ) : null}
        {search.kind === "failed" && search.status !== 503 ? (
          <div>
            <h2 id="photo-results-heading">The photo could not be searched</h2>
            <p role="alert" className="form-error" data-testid="photo-search-error">
              {search.error}
            </p>
          </div>
        ) : null}

        {result && !items.length ? (
          <div className="empty-state" data-testid="no-garment">
            <h2 id="photo-results-heading">No garment found in this photo</h2>
            <p>Try a photo where the clothes are in focus and fill more of the picture, or crop it to one outfit.</p>
          </div>
        ) : null}

        {result && item ? (
          <div data-testid="garment-results" data-category={item.category.handle}>
            <h2 id="photo-results-heading">
              {items.length > 1 ? `Garment ${selected + 1} of ${items.length}: ` : ""}
              {label(item)}
            </h2>
            {item.colours.length ? (
              <p className="muted" style={{ marginTop: 0 }}>
                {item.colours.map((c) => (
                  <span key={c.name} style={{ marginRight: ".75rem" }}>
                    <span className="colour-dot" style={{ background: c.hex }} aria-hidden="true" />
                    {c.name}
                  </span>
                ))}
              </p>
            ) : null}
            {item.size_relaxed ? (
              <div className="notice" data-testid="size-relaxed" style={{ marginBottom: "1rem" }}>
                <strong>Nothing purchasable in your size — similar items</strong>
                <p style={{ margin: ".25rem 0 0" }}>
                  {result.message || `Nothing like this is in stock in size ${filters.size ?? "you chose"}; these are close matches in other sizes.`}
                </p>
              </div>
            ) : null}
            {item.products.length ? (
              <PhotoMatches
                key={`${result.query_id}-${selected}`}
                matches={item.products}
                queryId={result.query_id}
                countryCode={countryCode}
                currency={result.currency_code}
              />
            ) : (
              <div className="empty-state" data-testid="no-matches">
                <h3>Nothing like this matches your filters</h3>
                <p>Widen the price range, choose another size, or include pieces that are sold out.</p>
                <button type="button" className="button button--secondary" onClick={() => applyFilters(DEFAULT_PHOTO_FILTERS)}>
                  Clear filters
                </button>
              </div>
            )}
          </div>
        ) : null}
      </section>
    </div>
  )
}
