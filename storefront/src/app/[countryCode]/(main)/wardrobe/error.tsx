"use client"

import ErrorState from "@modules/common/components/error-state"

export default function WardrobeError({ reset }: { error: Error; reset: () => void }) {
  return (
    <ErrorState
      title="Your wardrobe could not be loaded"
      hint="Nothing is lost: this is usually brief. Try again; if it keeps happening, sign in again."
      reset={reset}
      onward={{ path: "/account", label: "Go to your account" }}
      contained={false}
    />
  )
}
