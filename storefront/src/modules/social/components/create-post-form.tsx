"use client"

import { useEffect, useRef, useState, useTransition } from "react"
import { useRouter } from "next/navigation"
import { searchTaggableProducts, type Post, type TaggableProduct } from "@lib/data/social"
import { useHydrated } from "@lib/hooks/use-hydrated"
import {
  decodePhoto,
  MAX_PHOTO_BYTES,
  MAX_POST_PHOTOS as MAX_PHOTOS,
  megabytes,
  photoProblem,
  unreadablePhoto,
  uploadErrorMessage,
} from "@lib/util/uploads"

const MAX_TAGS = 20

type DraftTag = {
  key: string
  product_id: string
  title: string
  thumbnail: string | null
  variants: TaggableProduct["variants"]
  variant_id: string
  photo_index: number
  x: number | null
  y: number | null
}
type Preview = { url: string; name: string; width: number; height: number }

const clamp = (n: number) => Math.min(1, Math.max(0, Math.round(n * 1000) / 1000))

/**
 * The post composer: photos (previewed here, uploaded as multipart `photos`), caption,
 * visibility, and product tags found with the shop's search. A tag can be placed on a photo
 * by clicking it (or with the arrow keys while the photo has focus). The post is sent as multipart to
 * the storefront's upload route (src/app/api/social/posts), which streams it to Medusa; photos over
 * the limit are refused here before anything is sent.
 */
export default function CreatePostForm({ countryCode }: { countryCode: string }) {
  const hydrated = useHydrated()
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [navigating, startTransition] = useTransition()
  const pending = sending || navigating
  const [previews, setPreviews] = useState<Preview[]>([])
  const [photoError, setPhotoError] = useState<string | null>(null)
  const [tags, setTags] = useState<DraftTag[]>([])
  const [placing, setPlacing] = useState<string | null>(null)
  const [query, setQuery] = useState("")
  const [results, setResults] = useState<TaggableProduct[] | null>(null)
  const [searchError, setSearchError] = useState<string | null>(null)
  const [searching, setSearching] = useState(false)
  const fileRef = useRef<HTMLInputElement>(null)
  const tagCount = useRef(0)

  useEffect(() => () => previews.forEach((p) => URL.revokeObjectURL(p.url)), [previews])

  async function onPhotos(files: FileList | null) {
    setPhotoError(null)
    const list = Array.from(files ?? [])
    if (list.length > MAX_PHOTOS) {
      setPhotoError(`Choose at most ${MAX_PHOTOS} photos.`)
      if (fileRef.current) fileRef.current.value = ""
      setPreviews([])
      return
    }
    const problem = list.map(photoProblem).find(Boolean)
    if (problem) {
      setPhotoError(problem)
      if (fileRef.current) fileRef.current.value = ""
      setPreviews([])
      return
    }
    const decoded = await Promise.all(list.map(decodePhoto))
    const unreadable = list.find((_, i) => !decoded[i])
    if (unreadable) {
      decoded.forEach((d) => d && URL.revokeObjectURL(d.url))
      setPhotoError(unreadablePhoto(unreadable.name))
      if (fileRef.current) fileRef.current.value = ""
      setPreviews([])
      return
    }
    const loaded: Preview[] = decoded.map((d, i) => ({ ...d!, name: list[i].name }))
    setPreviews(loaded)
    // Tags on photos that are gone move to the first photo, without a position.
    setTags((current) => current.map((t) => (t.photo_index < loaded.length ? t : { ...t, photo_index: 0, x: null, y: null })))
  }

  async function search() {
    if (!query.trim()) return setSearchError("Type a product name, brand or colour to search.")
    setSearching(true)
    setSearchError(null)
    const found = await searchTaggableProducts(countryCode, query)
    setSearching(false)
    if ("error" in found) return setSearchError(found.error)
    setResults(found)
  }

  function addTag(product: TaggableProduct) {
    if (tags.length >= MAX_TAGS) return setSearchError(`A post can tag at most ${MAX_TAGS} products.`)
    const key = `${product.id}-${++tagCount.current}`
    setTags((current) => [
      ...current,
      {
        key,
        product_id: product.id,
        title: product.title,
        thumbnail: product.thumbnail,
        variants: product.variants,
        variant_id: "",
        photo_index: 0,
        x: null,
        y: null,
      },
    ])
    setResults(null)
    setQuery("")
    if (previews.length) setPlacing(key)
  }

  const update = (key: string, change: Partial<DraftTag>) => setTags((current) => current.map((t) => (t.key === key ? { ...t, ...change } : t)))

  function place(photoIndex: number, event: React.MouseEvent<HTMLDivElement>) {
    if (!placing) return
    const box = event.currentTarget.getBoundingClientRect()
    update(placing, { photo_index: photoIndex, x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) })
    setPlacing(null)
  }

  function nudge(photoIndex: number, event: React.KeyboardEvent<HTMLDivElement>) {
    const tag = tags.find((t) => t.key === placing)
    if (!tag) return
    const step = 0.02
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault()
      update(tag.key, { photo_index: photoIndex, x: tag.x ?? 0.5, y: tag.y ?? 0.5 })
      setPlacing(null)
    } else if (moves[event.key]) {
      event.preventDefault()
      const [dx, dy] = moves[event.key]
      update(tag.key, {
        photo_index: photoIndex,
        x: clamp((tag.photo_index === photoIndex ? (tag.x ?? 0.5) : 0.5) + dx),
        y: clamp((tag.photo_index === photoIndex ? (tag.y ?? 0.5) : 0.5) + dy),
      })
    }
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    // Submitted by hand so that a failed attempt keeps the chosen photos (a form action would reset the form).
    event.preventDefault()
    if (pending) return
    if (!previews.length) return setPhotoError("Add at least one photo of your outfit.")
    const data = new FormData(event.currentTarget)
    const visibility = String(data.get("visibility") || "public")
    const body = new FormData()
    for (const photo of data.getAll("photos"))
      if (typeof photo === "object" && photo.size > 0) body.append("photos", photo, photo.name || "photo.jpg")
    body.append("caption", String(data.get("caption") || ""))
    body.append("visibility", ["public", "followers", "private"].includes(visibility) ? visibility : "public")
    body.set(
      "tags",
      JSON.stringify(
        tags.map((t) => ({
          product_id: t.product_id,
          ...(t.variant_id ? { variant_id: t.variant_id } : {}),
          photo_index: t.photo_index,
          ...(t.x !== null && t.y !== null ? { x: t.x, y: t.y } : {}),
        }))
      )
    )
    setError(null)
    setSending(true)
    let target: string | null = null
    let problem: string | null = null
    try {
      const response = await fetch("/api/social/posts", { method: "POST", body })
      if (response.status === 401) target = `/${countryCode}/account`
      else if (!response.ok) problem = await uploadErrorMessage(response, "Your post could not be shared. Try again.")
      else target = `/${countryCode}/feed/posts/${encodeURIComponent(((await response.json()) as { post: Post }).post.id)}`
    } catch {
      problem = "The shop could not be reached. Check your connection and try again."
    }
    setSending(false)
    if (problem) return setError(problem)
    if (target) startTransition(() => router.push(target))
  }

  const placingTag = tags.find((t) => t.key === placing)

  return (
    <form onSubmit={submit} className="composer" data-testid="create-post-form" data-hydrated={hydrated} noValidate>
      <div>
        <div className="field">
          <label htmlFor="post-photos">Photos (1 to {MAX_PHOTOS})</label>
          <input
            ref={fileRef}
            id="post-photos"
            name="photos"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            required
            onChange={(e) => onPhotos(e.target.files)}
            aria-invalid={photoError ? true : undefined}
            aria-describedby={`post-photos-hint${photoError ? " post-photos-error" : ""}`}
          />
          <p id="post-photos-hint" className="muted" style={{ margin: ".25rem 0 0", fontSize: ".85rem" }}>
            JPEG, PNG or WebP, up to {megabytes(MAX_PHOTO_BYTES)} each. Choose all photos at once.
          </p>
          {photoError ? (
            <p id="post-photos-error" role="alert" className="field__error">
              {photoError}
            </p>
          ) : null}
        </div>
        {placingTag ? (
          <p role="status" className="notice">
            Click the photo where “{placingTag.title}” is, or focus the photo and use the arrow keys, then Enter.{" "}
            <button type="button" className="button button--link" onClick={() => setPlacing(null)}>
              Cancel
            </button>
          </p>
        ) : null}
        <ul className="composer__photos" aria-label="Chosen photos">
          {previews.map((p, index) => (
            <li key={p.url}>
              <div
                className="photo-stage composer__stage"
                style={{ aspectRatio: `${p.width} / ${p.height}`, cursor: placing ? "crosshair" : "default" }}
                onClick={(e) => place(index, e)}
                onKeyDown={(e) => nudge(index, e)}
                tabIndex={placing ? 0 : -1}
                role={placing ? "application" : undefined}
                aria-label={placing ? `Photo ${index + 1}: place the tag with the arrow keys, then press Enter` : undefined}
                data-testid="composer-photo"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- a local preview with its own aspect ratio */}
                <img src={p.url} alt={`Photo ${index + 1}: ${p.name}`} width={p.width} height={p.height} />
                {tags.map((t, n) =>
                  t.photo_index === index && t.x !== null && t.y !== null ? (
                    <span key={t.key} className="tag-marker" style={{ left: `${t.x * 100}%`, top: `${t.y * 100}%` }} aria-hidden="true">
                      {n + 1}
                    </span>
                  ) : null
                )}
              </div>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <div className="field">
          <label htmlFor="post-caption">
            Caption <span className="muted">(optional)</span>
          </label>
          <textarea id="post-caption" name="caption" rows={3} maxLength={2200} />
        </div>
        <div className="field">
          <label htmlFor="post-visibility">Who can see it</label>
          <select id="post-visibility" name="visibility" defaultValue="public">
            <option value="public">Everyone</option>
            <option value="followers">My followers</option>
            <option value="private">Only me</option>
          </select>
        </div>
        <fieldset style={{ border: "1px solid var(--line)", borderRadius: "var(--radius)", padding: "1rem", margin: "0 0 1rem" }}>
          <legend style={{ fontWeight: 700 }}>Tag what you are wearing</legend>
          <div className="field" style={{ marginBottom: ".5rem" }}>
            <label htmlFor="tag-search">Search the shop</label>
            <div style={{ display: "flex", gap: ".5rem" }}>
              <input
                id="tag-search"
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault()
                    void search()
                  }
                }}
                aria-describedby={searchError ? "tag-search-error" : undefined}
              />
              <button type="button" className="button button--secondary" onClick={search} disabled={searching}>
                {searching ? "Searching…" : "Search"}
              </button>
            </div>
            {searchError ? (
              <p id="tag-search-error" role="alert" className="field__error">
                {searchError}
              </p>
            ) : null}
          </div>
          {results ? (
            results.length ? (
              <ul className="search-results" aria-label="Products found" data-testid="tag-search-results">
                {results.map((p) => (
                  <li key={p.id}>
                    <button type="button" onClick={() => addTag(p)} aria-label={`Tag ${p.title}`}>
                      <span className="tagged-product__thumb">
                        {p.thumbnail ? (
                          // eslint-disable-next-line @next/next/no-img-element -- 3:4 box
                          <img src={p.thumbnail} alt="" width={48} height={64} loading="lazy" />
                        ) : null}
                      </span>
                      <span>{p.title}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p role="status" className="muted">
                Nothing found for “{query}”. Try a shorter word, a brand or a colour.
              </p>
            )
          ) : null}
          {tags.length ? (
            <ol className="tag-list" aria-label="Tagged products" data-testid="draft-tags">
              {tags.map((t, n) => (
                <li key={t.key} data-placing={placing === t.key}>
                  <div className="tag-list__row">
                    <strong>
                      {n + 1}. {t.title}
                    </strong>
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => setTags(tags.filter((x) => x.key !== t.key))}
                      aria-label={`Remove the tag ${t.title}`}
                    >
                      Remove
                    </button>
                  </div>
                  <div className="tag-list__row" style={{ marginTop: ".4rem", justifyContent: "flex-start" }}>
                    {t.variants.length > 1 ? (
                      <>
                        <label htmlFor={`${t.key}-variant`} className="visually-hidden">
                          Variant of {t.title}
                        </label>
                        <select id={`${t.key}-variant`} value={t.variant_id} onChange={(e) => update(t.key, { variant_id: e.target.value })}>
                          <option value="">Any size or colour</option>
                          {t.variants.map((v) => (
                            <option key={v.id} value={v.id}>
                              {v.title ?? v.id}
                            </option>
                          ))}
                        </select>
                      </>
                    ) : null}
                    {previews.length > 1 ? (
                      <>
                        <label htmlFor={`${t.key}-photo`} className="visually-hidden">
                          Photo of {t.title}
                        </label>
                        <select
                          id={`${t.key}-photo`}
                          value={t.photo_index}
                          onChange={(e) => update(t.key, { photo_index: Number(e.target.value), x: null, y: null })}
                        >
                          {previews.map((_, i) => (
                            <option key={i} value={i}>
                              On photo {i + 1}
                            </option>
                          ))}
                        </select>
                      </>
                    ) : null}
                    {previews.length ? (
                      <button
                        type="button"
                        className="button button--link"
                        onClick={() => setPlacing(placing === t.key ? null : t.key)}
                        aria-pressed={placing === t.key}
                      >
                        {t.x !== null ? "Move on photo" : "Place on photo"}
                      </button>
                    ) : null}
                    {t.x !== null ? (
                      <button type="button" className="button button--link" onClick={() => update(t.key, { x: null, y: null })}>
                        Remove from photo
                      </button>
                    ) : null}
                  </div>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted" style={{ margin: 0 }}>
              No products tagged yet. Tags link your post to the products, so others can shop your outfit.
            </p>
          )}
        </fieldset>
        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}
        {/* Before hydration the form has no action: a native submit would reload the page and lose the photos. */}
        <button
          type="submit"
          className="button button--full"
          disabled={pending || !hydrated}
          aria-disabled={pending || !hydrated}
          data-testid="share-post"
        >
          {pending ? "Sharing…" : "Share post"}
        </button>
      </div>
    </form>
  )
}
