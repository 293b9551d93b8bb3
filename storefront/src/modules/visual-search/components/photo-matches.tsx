"use client"

import { useRouter } from "next/navigation"
import { useTransition } from "react"
import { recordPhotoSearchClick, type PhotoSearchMatch } from "@lib/data/visual-search"
import ProductCard from "@modules/products/components/product-card"

/**
 * One garment's results as the shop's product cards, with why each matches. A click is counted for
 * the search's analytics before the product opens (the count gives up after a moment, and a
 * click that opens a new tab is counted without waiting).
 */
export default function PhotoMatches({
  matches,
  queryId,
  countryCode,
  currency,
}: {
  matches: PhotoSearchMatch[]
  queryId: string
  countryCode: string
  currency: string
}) {
  const router = useRouter()
  const [opening, startTransition] = useTransition()
  return (
    <ul className="product-grid" aria-busy={opening} data-testid="photo-results">
      {matches.map((match, i) => {
        const href = `/${countryCode}/products/${match.product.handle}`
        const record = () => recordPhotoSearchClick(queryId, match.product.id, i)
        return (
          <li key={match.product.id}>
            <ProductCard
              product={match.product}
              countryCode={countryCode}
              currency={currency}
              priority={i < 4}
              reasons={match.reasons}
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return void record()
                e.preventDefault()
                startTransition(async () => {
                  await record()
                  router.push(href)
                })
              }}
            />
          </li>
        )
      })}
    </ul>
  )
}
