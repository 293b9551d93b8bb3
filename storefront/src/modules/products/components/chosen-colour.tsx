"use client"

import { createContext, useContext, useState } from "react"

type ChosenColour = {
  colour: string | undefined
  setColour: (colour: string) => void
  /** The variant ticked in the variant picker (colour and size), which try-on starts from. */
  variantId: string | undefined
  setVariantId: (variantId: string | undefined) => void
}

const ChosenColourContext = createContext<ChosenColour | null>(null)

/**
 * The colour chosen on a product page, shared by the variant picker (which sets it) and the gallery
 * (which follows it); with the chosen variant, for try-on.
 */
export function ChosenColourProvider({ initial, children }: { initial: string | undefined; children: React.ReactNode }) {
  const [colour, setColour] = useState(initial)
  const [variantId, setVariantId] = useState<string | undefined>(undefined)
  return <ChosenColourContext.Provider value={{ colour, setColour, variantId, setVariantId }}>{children}</ChosenColourContext.Provider>
}

/** The page's chosen colour, or null outside a ChosenColourProvider. */
export function useChosenColour(): ChosenColour | null {
  return useContext(ChosenColourContext)
}
