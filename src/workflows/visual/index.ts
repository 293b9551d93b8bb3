export * from "./index-product-images"
