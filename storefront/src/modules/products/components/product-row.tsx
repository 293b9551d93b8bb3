import ProductCard, { type CardProduct } from "./product-card"

/** A titled row of product cards under a product page or on the home page ("You may also like", "Recently viewed"). */
export default function ProductRow({
  id,
  heading,
  products,
  countryCode,
  currency,
  container = false,
}: {
  /** Names the section: its heading's id and its data-testid. */
  id: string
  heading: string
  products: CardProduct[]
  countryCode: string
  currency: string
  /** On pages whose sections bring their own container (the home page). */
  container?: boolean
}) {
  if (!products.length) return null
  return (
    <section className={container ? "section container" : "section"} aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <ul className="product-grid">
        {products.map((product) => (
          <li key={product.id}>
            <ProductCard product={product} countryCode={countryCode} currency={currency} />
          </li>
        ))}
      </ul>
    </section>
  )
}
