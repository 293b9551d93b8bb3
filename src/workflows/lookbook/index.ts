export * from "./lookbooks"
export * from "./looks"
export * from "./analytics"
export * from "./add-look-to-cart"
