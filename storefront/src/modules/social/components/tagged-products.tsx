import Link from "next/link"
import type { PostTag } from "@lib/data/social"
import Price from "@modules/common/components/price"

/** The products tagged in a post, numbered like the markers on the photos. */
export default function TaggedProducts({ tags, countryCode }: { tags: PostTag[]; countryCode: string }) {
  const shown = tags.map((tag, n) => ({ tag, n })).filter(({ tag }) => tag.product)
  if (!shown.length) return null
  return (
    <section aria-labelledby="tagged-heading" style={{ marginTop: "1.5rem" }}>
      <h2 id="tagged-heading">Shop this outfit</h2>
      <ul className="tagged-products" data-testid="tagged-products">
        {shown.map(({ tag, n }) => (
          <li key={tag.id}>
            <Link href={`/${countryCode}/products/${tag.product!.handle}`} className="tagged-product" data-testid="tagged-product">
              <span className="tagged-product__thumb">
                {tag.product!.thumbnail ? (
                  // eslint-disable-next-line @next/next/no-img-element -- 3:4 box
                  <img src={tag.product!.thumbnail} alt="" width={64} height={85} loading="lazy" />
                ) : null}
              </span>
              <span>
                <span className="muted">{n + 1}.</span> <strong>{tag.product!.title}</strong>
                {tag.product!.calculated_price ? (
                  <span className="tagged-product__price">
                    <Price
                      amount={tag.product!.calculated_price.calculated_amount}
                      original={tag.product!.calculated_price.original_amount}
                      currency={tag.product!.calculated_price.currency_code}
                    />
                  </span>
                ) : null}
                {tag.product!.in_stock ? null : (
                  <span className="tagged-product__stock muted" data-testid="sold-out">
                    Sold out in your region
                  </span>
                )}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
