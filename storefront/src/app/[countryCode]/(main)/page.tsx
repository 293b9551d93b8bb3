import IntentLink from "@modules/common/components/intent-link"
import { Suspense } from "react"
import { listCategories, listCollections, searchProducts } from "@lib/data/products"
import FeaturedLookbooks from "@modules/home/components/featured-lookbooks"
import ProductGrid from "@modules/products/components/product-grid"
import RecentlyViewed from "@modules/products/components/recently-viewed"

export default async function HomePage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const [newIn, categories, collections] = await Promise.all([
    searchProducts(countryCode, { sort: "newest" }, { limit: 8, offset: 0 }),
    listCategories(),
    listCollections(),
  ])
  const topLevel = categories.filter((c) => !c.parent_category_id)
  return (
    <>
      <section className="hero">
        <div className="container">
          <h1>Dress the way you live</h1>
          <p>New season pieces, styled into looks by people with an eye for it. Find yours, build your wardrobe, share your outfits.</p>
          <IntentLink href={`/${countryCode}/store`} className="button">
            Shop new in
          </IntentLink>
        </div>
      </section>
      <FeaturedLookbooks countryCode={countryCode} />
      <section className="section container" aria-labelledby="new-in-heading">
        <div className="section__head">
          <h2 id="new-in-heading">New in</h2>
          <IntentLink href={`/${countryCode}/store?sort=newest`}>See all</IntentLink>
        </div>
        {newIn.products.length ? (
          <ProductGrid products={newIn.products} countryCode={countryCode} currency={newIn.currency_code} />
        ) : (
          <p className="empty-state">New pieces are on their way. Check back soon.</p>
        )}
      </section>
      <Suspense fallback={null}>
        <RecentlyViewed countryCode={countryCode} currency={newIn.currency_code} container />
      </Suspense>
      <section className="section container" aria-labelledby="categories-heading">
        <h2 id="categories-heading">Shop by category</h2>
        <ul className="chip-list">
          {topLevel.map((c) => (
            <li key={c.id}>
              <IntentLink className="chip" href={`/${countryCode}/categories/${c.handle}`}>
                {c.name}
              </IntentLink>
            </li>
          ))}
        </ul>
      </section>
      {collections.length ? (
        <section className="section container" aria-labelledby="collections-heading">
          <h2 id="collections-heading">Collections</h2>
          <ul className="chip-list">
            {collections.map((c) => (
              <li key={c.id}>
                <IntentLink className="chip" href={`/${countryCode}/collections/${c.handle}`}>
                  {c.title}
                </IntentLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
