"use client"

import { useHydrated } from "@lib/hooks/use-hydrated"
import { useSavedItems } from "./saved-items-provider"
import "../wishlist.css"

/**
 * The heart that saves a product for later, signed in or not. "icon" on product cards (named by
 * the product's title), "full" with its word on the product page. Nothing outside a SavedItemsProvider.
 */
export default function SaveButton({ productId, title, variant = "icon" }: { productId: string; title: string; variant?: "icon" | "full" }) {
  const savedItems = useSavedItems()
  const hydrated = useHydrated()
  if (!savedItems) return null
  const saved = savedItems.isSaved(productId)
  const error = savedItems.error?.productId === productId ? savedItems.error.message : null
  return (
    <span className={`save-button save-button--${variant}`}>
      <button
        type="button"
        className="save-button__button"
        aria-pressed={saved}
        aria-label={variant === "icon" ? `Save ${title}` : undefined}
        title={saved ? "Saved: press to remove" : "Save for later"}
        onClick={() => savedItems.toggle(productId)}
        data-testid="save-button"
        data-product-id={productId}
        data-hydrated={hydrated}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path
            d="M12 20.5s-7.5-4.6-9.3-9.2C1.5 8.2 3.4 4.5 7 4.5c2.1 0 3.6 1.2 5 3 1.4-1.8 2.9-3 5-3 3.6 0 5.5 3.7 4.3 6.8-1.8 4.6-9.3 9.2-9.3 9.2z"
            fill={saved ? "currentColor" : "none"}
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
          />
        </svg>
        {variant === "full" ? <span>{saved ? "Saved" : "Save"}</span> : null}
      </button>
      {error ? (
        <span role="alert" className="save-button__error">
          {error}
        </span>
      ) : null}
    </span>
  )
}
