/** The catalog's own season vocabulary, so wardrobe items and products filter alike. */
export const WARDROBE_SEASONS = ["spring-summer", "autumn-winter", "all-season"] as const
export type WardrobeSeason = (typeof WARDROBE_SEASONS)[number]

/** How an item entered the wardrobe: added by the customer, or from one of their orders. */
export const WARDROBE_ITEM_SOURCES = ["manual", "order"] as const
export type WardrobeItemSource = (typeof WARDROBE_ITEM_SOURCES)[number]

/** "not worn recently" in the stats means no wear in this many days. */
export const NOT_WORN_DAYS = 90
