import { configureStoreSearch, defineMiddlewares } from "@medusajs/framework/http"
import { storeProductSearchMiddlewares } from "./store/product-search/middlewares"
import { storeWardrobeMiddlewares } from "./store/wardrobe/middlewares"
import { storeSocialMiddlewares } from "./store/social/middlewares"
import { adminSocialMiddlewares } from "./admin/social/middlewares"
import { storeLookbookMiddlewares } from "./store/lookbooks/middlewares"
import { adminLookbookMiddlewares } from "./admin/lookbooks/middlewares"
import { adminVisualMiddlewares } from "./admin/visual/middlewares"
import { adminRecommendationMiddlewares } from "./admin/recommendations/middlewares"
import { storeProductAvailabilityMiddlewares } from "./store/products/[id]/availability/middlewares"
import { storeSimilarProductsMiddlewares } from "./store/products/[id]/similar/middlewares"
import { storeSizeAdviceMiddlewares } from "./store/products/[id]/size-advice/middlewares"
import { adminSizeChartMiddlewares } from "./admin/size-charts/middlewares"
import { storeVisualSearchMiddlewares } from "./store/visual-search/middlewares"
import { storeTryOnMiddlewares } from "./store/try-on/middlewares"
import { storeSavedItemsMiddlewares } from "./store/customers/me/saved-items/middlewares"
import { storeCustomerPasswordMiddlewares } from "./store/customers/me/password/middlewares"
import { storeCustomerStyleProfileMiddlewares } from "./store/customers/me/style-profile/middlewares"
import { storeStyleProfileMiddlewares } from "./store/style-profile/middlewares"
import { storeRecommendationInteractionsMiddlewares } from "./store/recommendations/interactions/middlewares"
import { storeRecommendationMiddlewares } from "./store/recommendations/middlewares"
import { adminRoleMiddlewares } from "./admin-roles"
import { rateLimitMiddlewares } from "./rate-limit-middlewares"
import { edgeErrorHandler, rejectInvalidRequestText } from "./edge-validation"

// Each Curator domain declares its routes' middlewares beside the routes
// (src/api/<scope>/<domain>/middlewares.ts); this file only joins them.
export default defineMiddlewares({
  // Medusa's error handler, with client mistakes that surface as exceptions answered 400 (edge-validation.ts).
  errorHandler: edgeErrorHandler(),
  routes: [
    // Rate limits first: a spent limit is answered before a body or upload is processed.
    ...rateLimitMiddlewares,
    {
      // Every route, Medusa's own included: NUL bytes, control characters and invalid UTF-8 in
      // the path, query or body get a 400 here (see edge-validation.ts), before any route reads them.
      matcher: "/",
      middlewares: [rejectInvalidRequestText],
    },
    {
      // Medusa's own POST /store/search answers only for the indexes opted in here;
      // it scopes product results to published products of the key's sales channels.
      matcher: "/store/search",
      middlewares: [configureStoreSearch({ allowed_indexes: { product: true } })],
    },
    ...storeProductSearchMiddlewares,
    ...storeWardrobeMiddlewares,
    ...storeSocialMiddlewares,
    ...adminSocialMiddlewares,
    ...storeLookbookMiddlewares,
    ...adminLookbookMiddlewares,
    ...adminVisualMiddlewares,
    ...storeProductAvailabilityMiddlewares,
    ...storeSimilarProductsMiddlewares,
    ...storeSizeAdviceMiddlewares,
    ...adminSizeChartMiddlewares,
    ...storeVisualSearchMiddlewares,
    ...storeTryOnMiddlewares,
    ...storeSavedItemsMiddlewares,
    ...storeCustomerPasswordMiddlewares,
    // Style profiles (signed-in and guest) and the interaction log recommendations learn from.
    ...storeCustomerStyleProfileMiddlewares,
    ...storeStyleProfileMiddlewares,
    ...storeRecommendationInteractionsMiddlewares,
    // Recommendations: for you, outfits, complete the look, dress me, feedback, an outfit into the cart.
    ...storeRecommendationMiddlewares,
    // The admin's recommendation figures: per surface, the weights, constraint rejections.
    ...adminRecommendationMiddlewares,
    // Admin roles: moderators reach the moderation API only (one check for every /admin route); POST /admin/users/:id/role.
    ...adminRoleMiddlewares,
  ],
})
