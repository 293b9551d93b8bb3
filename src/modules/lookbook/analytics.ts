/** Add-to-cart rate of a look: carts per view, 0 when it has not been seen yet (4 decimals). */
export function addToCartRate(views: number, addToCartCount: number): number {
  if (!views) return 0
  return Math.round((addToCartCount / views) * 10_000) / 10_000
}
