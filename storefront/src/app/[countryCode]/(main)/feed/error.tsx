"use client"

import ErrorState from "@modules/common/components/error-state"

export default function FeedError({ reset }: { error: Error; reset: () => void }) {
  return (
    <ErrorState
      title="The feed could not be loaded"
      hint="This is usually brief. Try again, or have a look at the lookbooks meanwhile."
      reset={reset}
      onward={{ path: "/lookbooks", label: "See lookbooks" }}
    />
  )
}
