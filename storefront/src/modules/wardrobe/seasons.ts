/** The wardrobe's seasons (the catalog's vocabulary) with their labels. */
export const SEASONS = [
  { value: "spring-summer", label: "Spring/Summer" },
  { value: "autumn-winter", label: "Autumn/Winter" },
  { value: "all-season", label: "All season" },
] as const

export const seasonLabel = (value: string | null | undefined) => SEASONS.find((s) => s.value === value)?.label ?? value ?? ""
