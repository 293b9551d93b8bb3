import type { Metadata } from "next"
import Link from "next/link"
import { listLookbooks } from "@lib/data/lookbooks"
import LookbookCard from "@modules/lookbooks/components/lookbook-card"
import "@modules/lookbooks/lookbooks.css"

export const metadata: Metadata = { title: "Lookbooks" }

const PAGE_SIZE = 12

export default async function LookbooksPage({
  params,
  searchParams,
}: {
  params: Promise<{ countryCode: string }>
  searchParams: Promise<{ page?: string }>
}) {
  const { countryCode } = await params
  const page = Math.max(1, Number((await searchParams).page) || 1)
  const { lookbooks, count } = await listLookbooks(page)
  const pages = Math.ceil(count / PAGE_SIZE)
  return (
    <div className="container page">
      <h1>Lookbooks</h1>
      <p className="muted">Outfits put together by our stylists. Open one to shop a single piece or the whole look.</p>
      {lookbooks.length ? (
        <ul className="lookbook-grid" data-testid="lookbook-list">
          {lookbooks.map((lookbook, i) => (
            <li key={lookbook.id}>
              <LookbookCard lookbook={lookbook} countryCode={countryCode} priority={i < 3} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="empty-state" data-testid="lookbooks-empty">
          <h2>No lookbooks yet</h2>
          <p>Our stylists are putting the next looks together. Meanwhile, browse the shop.</p>
          <Link href={`/${countryCode}/store`} className="button">
            Go to the shop
          </Link>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label="Lookbook pages">
          {page > 1 ? <Link href={`/${countryCode}/lookbooks?page=${page - 1}`}>Previous page</Link> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={`/${countryCode}/lookbooks?page=${page + 1}`}>Next page</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}
