"use client"

import { createContext, useContext, useState } from "react"

type ChosenColour = { colour: string | undefined; setColour: (colour: string) => void }

const ChosenColourContext = createContext<ChosenColour | null>(null)

/** The colour chosen on a product page, shared by the variant picker (which sets it) and the gallery (which follows it). */
export function ChosenColourProvider({ initial, children }: { initial: string | undefined; children: React.ReactNode }) {
  const [colour, setColour] = useState(initial)
  return <ChosenColourContext.Provider value={{ colour, setColour }}>{children}</ChosenColourContext.Provider>
}

/** The page's chosen colour, or null outside a ChosenColourProvider. */
export function useChosenColour(): ChosenColour | null {
  return useContext(ChosenColourContext)
}
