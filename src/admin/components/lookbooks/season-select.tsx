import { Select } from "@medusajs/ui"

/** The seasons a lookbook can be filed under (the storefront shows the same names). */
export const LOOKBOOK_SEASONS = [
  { value: "spring-summer", label: "Spring/Summer" },
  { value: "autumn-winter", label: "Autumn/Winter" },
  { value: "all-season", label: "All season" },
] as const

/** A season's name; a value from before the list keeps its own spelling. */
export const seasonLabel = (value: string | null | undefined) => (value ? (LOOKBOOK_SEASONS.find((s) => s.value === value)?.label ?? value) : "–")

// Select items cannot carry an empty value.
const NONE = "none"

/** Chooses a lookbook's season from the list, or none; `id` ties it to its label. */
export const SeasonSelect = ({ id, value, onChange }: { id: string; value: string; onChange: (season: string) => void }) => {
  const options: { value: string; label: string }[] = [...LOOKBOOK_SEASONS]
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value })
  return (
    <Select value={value || NONE} onValueChange={(v) => onChange(v === NONE ? "" : v)}>
      <Select.Trigger id={id}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={NONE}>No season</Select.Item>
        {options.map((o) => (
          <Select.Item key={o.value} value={o.value}>
            {o.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
