"use client"

import ErrorState from "@modules/common/components/error-state"

/** Shown when a page could not load its data (e.g. the shop's backend is restarting). */
export default function MainError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="This page could not load"
      hint="The shop did not answer in time. Try again in a moment; your cart is safe."
      reset={reset}
      onward={{ path: "", label: "Go to the home page" }}
    />
  )
}
