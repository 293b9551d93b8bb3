export * from "./wardrobe-items"
export * from "./outfits"
export * from "./log-wear"
export * from "./add-purchased-items-to-wardrobe"
