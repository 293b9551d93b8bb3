"use client"

import ErrorState from "@modules/common/components/error-state"

export default function LookbooksError({ reset }: { error: Error; reset: () => void }) {
  return (
    <ErrorState
      title="The lookbooks could not be loaded"
      hint="This is usually brief. Try again, or browse the shop in the meantime."
      reset={reset}
      onward={{ path: "/store", label: "Go to the shop" }}
    />
  )
}
