import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { Suspense } from "react"
import { getProductByHandle, getRegionalStock } from "@lib/data/products"
import { getRegion } from "@lib/data/regions"
import { colourImageUrls, defaultColour, matchColour } from "@lib/util/colour-images"
import { canTryOn } from "@lib/util/try-on"
import { ChosenColourProvider } from "@modules/products/components/chosen-colour"
import Gallery from "@modules/products/components/gallery"
import RecentlyViewed from "@modules/products/components/recently-viewed"
import RecordProductView from "@modules/products/components/record-product-view"
import RecordRecentlyViewed from "@modules/products/components/record-recently-viewed"
import RelatedProducts from "@modules/products/components/related-products"
import VariantPicker, { PickerVariant } from "@modules/products/components/variant-picker"
import WornByCommunity from "@modules/social/components/worn-by-community"
import TryOnButton from "@modules/try-on/components/try-on-button"
import SimilarItems from "@modules/visual-search/components/similar-items"
import SaveButton from "@modules/wishlist/components/save-button"
import SizeAdvice from "@modules/products/components/size-advice"
import CompleteTheLook from "@modules/recommendations/components/complete-the-look"
import Breadcrumbs from "@modules/common/components/breadcrumbs"

type Props = { params: Promise<{ countryCode: string; handle: string }>; searchParams: Promise<{ colour?: string | string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { countryCode, handle } = await params
  const product = await getProductByHandle(handle, countryCode)
  return product ? { title: product.title, description: product.description ?? undefined } : { title: "Product not found" }
}

export default async function ProductPage({ params, searchParams }: Props) {
  const [{ countryCode, handle }, { colour: colourParam }] = await Promise.all([params, searchParams])
  const [product, region] = await Promise.all([getProductByHandle(handle, countryCode), getRegion(countryCode)])
  if (!product || !region) notFound()
  // Stock of the warehouse serving this region, not of every warehouse the shop sells from.
  const stock = await getRegionalStock(product.id, region.id)

  const optionTitle = (pattern: RegExp) => product.options?.find((o) => pattern.test(o.title))?.title
  const colourOption = optionTitle(/colou?r/i)
  const sizeOption = optionTitle(/size/i)
  const variants: PickerVariant[] = (product.variants ?? []).map((v) => ({
    id: v.id,
    options: Object.fromEntries((v.options ?? []).map((o) => [o.option?.title ?? o.option_id ?? "", o.value])),
    amount: v.calculated_price?.calculated_amount ?? null,
    original: v.calculated_price?.original_amount ?? null,
    // A variant missing from the answer is treated as sold out rather than sold from elsewhere.
    stock: v.id in stock ? stock[v.id] : 0,
  }))
  const images = (product.images?.length ? product.images : product.thumbnail ? [{ id: "thumbnail", url: product.thumbnail }] : []).map((i) => ({
    id: i.id,
    url: i.url,
  }))
  const imagesByColour = colourImageUrls(
    product.variants ?? [],
    product.options?.find((o) => o.title === colourOption)
  )
  // A card of a listing filtered by colour links here with ?colour=, and the page opens in that colour.
  const colours = colourOption ? [...new Set(variants.map((v) => v.options[colourOption]).filter(Boolean))] : []
  const initialColour = matchColour(colours, colourParam) ?? defaultColour(variants, colourOption)
  const category = product.categories?.[0]

  return (
    <div className="container page">
      <Breadcrumbs
        trail={[
          { href: `/${countryCode}/store`, label: "Shop" },
          ...(category ? [{ href: `/${countryCode}/categories/${category.handle}`, label: category.name }] : []),
        ]}
      />
      <ChosenColourProvider initial={initialColour}>
        <div className="product">
          <Gallery images={images} imagesByColour={imagesByColour} title={product.title} />
          <div>
            {product.subtitle ? <p className="product-card__brand">{product.subtitle}</p> : null}
            <h1 data-testid="product-title">{product.title}</h1>
            <SaveButton productId={product.id} title={product.title} variant="full" />
            <VariantPicker
              variants={variants}
              colourOption={colourOption}
              sizeOption={sizeOption}
              currency={region.currency_code}
              countryCode={countryCode}
            />
            {/* Size advice needs a size to choose: not for one-size products. */}
            {sizeOption && new Set(variants.map((v) => v.options[sizeOption])).size > 1 ? (
              <SizeAdvice productId={product.id} regionId={region.id} />
            ) : null}
            {/* Only garments the preview can dress: tops, dresses and bottoms, not shoes, bags or accessories. */}
            {canTryOn((product.categories ?? []).map((c) => c.handle)) ? (
              <TryOnButton
                product={{
                  id: product.id,
                  title: product.title,
                  variants,
                  colourOption,
                  sizeOption,
                  regionId: region.id,
                  countryCode,
                  currency: region.currency_code,
                }}
              />
            ) : null}
            {product.description ? (
              <section style={{ marginTop: "2rem" }} aria-labelledby="details-heading">
                <h2 id="details-heading">Details</h2>
                <p>{product.description}</p>
                {product.material ? <p className="muted">Material: {product.material}</p> : null}
                {product.collection ? (
                  <p>
                    Part of <Link href={`/${countryCode}/collections/${product.collection.handle}`}>{product.collection.title}</Link>
                  </p>
                ) : null}
              </section>
            ) : null}
          </div>
        </div>
      </ChosenColourProvider>
      {/* Its own boundary: the page never waits for the similarity search, and shows no row without results. */}
      <Suspense fallback={null}>
        <SimilarItems productId={product.id} countryCode={countryCode} currency={region.currency_code} />
      </Suspense>
      <CompleteTheLook productId={product.id} countryCode={countryCode} />
      {category ? (
        <Suspense fallback={null}>
          <RelatedProducts productId={product.id} categoryHandle={category.handle} countryCode={countryCode} />
        </Suspense>
      ) : null}
      <WornByCommunity productId={product.id} countryCode={countryCode} />
      <Suspense fallback={null}>
        <RecentlyViewed countryCode={countryCode} currency={region.currency_code} exceptProductId={product.id} />
      </Suspense>
      <RecordRecentlyViewed productId={product.id} />
      <RecordProductView productId={product.id} />
    </div>
  )
}
