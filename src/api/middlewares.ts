import { configureStoreSearch, defineMiddlewares, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreProductSearchParams } from "./store/product-search/validators"
import { storeWardrobeMiddlewares } from "./store/wardrobe/middlewares"
import { storeSocialMiddlewares } from "./store/social/middlewares"
import { adminSocialMiddlewares } from "./admin/social/middlewares"
import { storeLookbookMiddlewares } from "./store/lookbooks/middlewares"
import { adminLookbookMiddlewares } from "./admin/lookbooks/middlewares"
import { storeProductAvailabilityMiddlewares } from "./store/products/[id]/availability/middlewares"

// Each Curator domain declares its routes' middlewares beside the routes
// (src/api/<scope>/<domain>/middlewares.ts); this file only joins them.
export default defineMiddlewares({
  routes: [
    {
      // Medusa's own POST /store/search answers only for the indexes opted in here;
      // it scopes product results to published products of the key's sales channels.
      matcher: "/store/search",
      middlewares: [configureStoreSearch({ allowed_indexes: { product: true } })],
    },
    {
      matcher: "/store/product-search",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreProductSearchParams, {})],
    },
    ...storeWardrobeMiddlewares,
    ...storeSocialMiddlewares,
    ...adminSocialMiddlewares,
    ...storeLookbookMiddlewares,
    ...adminLookbookMiddlewares,
    ...storeProductAvailabilityMiddlewares,
  ],
})
