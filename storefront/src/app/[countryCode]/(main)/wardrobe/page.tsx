import type { Metadata } from "next"
import Link from "next/link"
import { getStats, listItems } from "@lib/data/wardrobe"
import ItemCard from "@modules/wardrobe/components/item-card"
import WardrobeNav from "@modules/wardrobe/components/wardrobe-nav"
import DressMe from "@modules/recommendations/components/dress-me"
import { SEASONS } from "@modules/wardrobe/seasons"

export const metadata: Metadata = { title: "Your wardrobe" }

type Search = { q?: string; category?: string; colour?: string; season?: string; page?: string; deleted?: string }

export default async function WardrobePage({ params, searchParams }: { params: Promise<{ countryCode: string }>; searchParams: Promise<Search> }) {
  const { countryCode } = await params
  const search = await searchParams
  const filters = {
    q: search.q?.trim() || undefined,
    category: search.category || undefined,
    colour: search.colour || undefined,
    season: search.season || undefined,
    page: Number(search.page) || 1,
  }
  // The stats hold every category and colour in the wardrobe (for the filter options) and each item's wears.
  const [{ items, count }, stats] = await Promise.all([listItems(countryCode, filters), getStats(countryCode)])
  const wears = new Map(stats.items.map((i) => [i.id, i.times_worn]))
  const filtered = Boolean(filters.q || filters.category || filters.colour || filters.season)
  const pages = Math.ceil(count / 24)
  const base = `/${countryCode}/wardrobe`
  const pageHref = (page: number) =>
    `${base}?${new URLSearchParams({ ...(Object.fromEntries(Object.entries(filters).filter(([k, v]) => v && k !== "page")) as Record<string, string>), page: String(page) })}`
  return (
    <>
      <h1>Your wardrobe</h1>
      <WardrobeNav countryCode={countryCode} current="items" />
      <DressMe countryCode={countryCode} />
      {search.deleted ? (
        <p role="status" className="form-ok">
          The item was deleted.
        </p>
      ) : null}
      {stats.item_count ? (
        <form className="wardrobe-filters" role="search" aria-label="Filter your wardrobe" action={base}>
          <div className="field">
            <label htmlFor="wardrobe-q">Search</label>
            <input id="wardrobe-q" name="q" type="search" defaultValue={filters.q} placeholder="Name, brand, material…" />
          </div>
          <div className="field">
            <label htmlFor="wardrobe-category">Category</label>
            <select id="wardrobe-category" name="category" defaultValue={filters.category ?? ""}>
              <option value="">All</option>
              {stats.category_mix.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.value} ({c.count})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="wardrobe-colour">Colour</label>
            <select id="wardrobe-colour" name="colour" defaultValue={filters.colour ?? ""}>
              <option value="">All</option>
              {stats.colour_mix.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.value} ({c.count})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="wardrobe-season">Season</label>
            <select id="wardrobe-season" name="season" defaultValue={filters.season ?? ""}>
              <option value="">All</option>
              {SEASONS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div style={{ display: "flex", gap: ".5rem", alignItems: "center" }}>
            <button type="submit" className="button">
              Filter
            </button>
            {filtered ? <Link href={base}>Clear</Link> : null}
          </div>
        </form>
      ) : null}
      {items.length ? (
        <>
          <p className="muted" aria-live="polite">
            {count} {count === 1 ? "item" : "items"}
            {filtered ? " match" : ""}
          </p>
          <ul className="item-grid" data-testid="wardrobe-items">
            {items.map((item) => (
              <li key={item.id}>
                <ItemCard item={item} countryCode={countryCode} timesWorn={wears.get(item.id)} />
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav className="pagination" aria-label="Wardrobe pages">
              {filters.page > 1 ? <Link href={pageHref(filters.page - 1)}>Previous page</Link> : null}
              <span>
                Page {filters.page} of {pages}
              </span>
              {filters.page < pages ? <Link href={pageHref(filters.page + 1)}>Next page</Link> : null}
            </nav>
          ) : null}
        </>
      ) : filtered ? (
        <div className="empty-state">
          <h2>Nothing matches these filters</h2>
          <p>Try fewer filters or another word.</p>
          <Link href={base} className="button">
            Show all items
          </Link>
        </div>
      ) : (
        <div className="empty-state" data-testid="wardrobe-empty">
          <h2>Your wardrobe is empty</h2>
          <p>Add the clothes you own to plan outfits, log what you wear and see your cost per wear. Things you buy here are added for you.</p>
          <Link href={`${base}/items/new`} className="button">
            Add your first item
          </Link>
        </div>
      )}
    </>
  )
}
