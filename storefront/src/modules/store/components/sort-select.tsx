"use client"

import { usePathname, useRouter, useSearchParams } from "next/navigation"
import { SORTS } from "@lib/util/search-options"

export default function SortSelect({ value }: { value: string }) {
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  return (
    <div>
      <label htmlFor="sort">Sort by</label>
      <select
        id="sort"
        value={value}
        data-testid="sort-select"
        onChange={(e) => {
          const params = new URLSearchParams(searchParams.toString())
          params.set("sort", e.target.value)
          params.delete("page")
          router.push(`${pathname}?${params}`, { scroll: false })
        }}
      >
        {SORTS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  )
}
