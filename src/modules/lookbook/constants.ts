/** A lookbook is visible in the store only once published. */
export const LOOKBOOK_STATUSES = ["draft", "published"] as const
export type LookbookStatus = (typeof LOOKBOOK_STATUSES)[number]

/** Handles are URL path segments: lower-case letters, digits and single dashes. */
export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Why a hotspot's variant could not go into a cart. */
export const NOT_ADDED_REASONS = ["variant_deleted", "product_unpublished", "not_in_sales_channel", "not_sold_in_region", "out_of_stock"] as const
export type NotAddedReason = (typeof NOT_ADDED_REASONS)[number]
