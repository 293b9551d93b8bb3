"use client"

import { createContext, useContext, useMemo, useOptimistic, useState, useTransition } from "react"
import { setProductSaved } from "@lib/data/wishlist"

type SavedItems = {
  count: number
  isSaved: (productId: string) => boolean
  toggle: (productId: string) => void
  /** The last save that failed, and why (shown beside its button). */
  error: { productId: string; message: string } | null
}

const SavedItemsContext = createContext<SavedItems | null>(null)

/**
 * The shopper's saved product ids, read by the layout (cookie or account) and shared by every
 * heart and the header's count. A heart shows its new state at once; the server action's answer
 * re-renders the layout with the stored list.
 */
export function SavedItemsProvider({ productIds, children }: { productIds: string[]; children: React.ReactNode }) {
  const [ids, applyChange] = useOptimistic(productIds, (current: string[], change: { productId: string; saved: boolean }) =>
    change.saved ? [change.productId, ...current.filter((id) => id !== change.productId)] : current.filter((id) => id !== change.productId)
  )
  const [error, setError] = useState<SavedItems["error"]>(null)
  const [, startTransition] = useTransition()
  const value = useMemo<SavedItems>(() => {
    const saved = new Set(ids)
    return {
      count: saved.size,
      isSaved: (productId) => saved.has(productId),
      error,
      toggle: (productId) =>
        startTransition(async () => {
          const change = { productId, saved: !saved.has(productId) }
          applyChange(change)
          setError(null)
          const result = await setProductSaved(productId, change.saved)
          if (result.error) setError({ productId, message: result.error })
        }),
    }
  }, [ids, error, applyChange])
  return <SavedItemsContext.Provider value={value}>{children}</SavedItemsContext.Provider>
}

/** The shopper's saved items, or null outside a SavedItemsProvider (checkout). */
export function useSavedItems(): SavedItems | null {
  return useContext(SavedItemsContext)
}
