/** "Autumn Layers — 2026!" → "autumn-layers-2026"; accents folded to their base letter. */
export function handleFromTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/g, "")
}

/**
 * The first of `base`, `base-2`, `base-3`, ... that is not taken. A title made only of symbols
 * gives an empty base; "lookbook" stands in for it.
 */
export function firstFreeHandle(base: string, taken: ReadonlySet<string>): string {
  const stem = base || "lookbook"
  if (!taken.has(stem)) return stem
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}
