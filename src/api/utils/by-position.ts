type Positioned = { position?: number | null } | null | undefined

/** Orders rows the way their owner arranged them (photos, outfit items, look hotspots). */
export const byPosition = (a: Positioned, b: Positioned): number => (a?.position ?? 0) - (b?.position ?? 0)
