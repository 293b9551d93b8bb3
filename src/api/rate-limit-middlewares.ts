import { MiddlewareRoute } from "@medusajs/framework/http"
import { accountFromAuthBody, rateLimit } from "../rate-limit/middleware"
import { rateLimitSettings } from "../rate-limit/settings"
import { viewerIdOf } from "./identity"

// A bad RATE_LIMIT_* setting stops Medusa at start with a message naming it, not at the first request.
rateLimitSettings()

/**
 * Which routes are rate limited, and by which policy (limits and their settings:
 * src/rate-limit/settings.ts). middlewares.ts lists these first, so a spent limit is answered
 * before an upload is read. Each entry names its methods: Medusa then registers it for that
 * exact path (without methods it would match every path below it too).
 */
const signIn = (actor: "customer" | "user") => rateLimit("sign_in", { account: accountFromAuthBody(actor) })
const register = (actor: "customer" | "user") => rateLimit("register", { account: accountFromAuthBody(actor) })
const passwordReset = (actor: "customer" | "user") => rateLimit("password_reset", { account: accountFromAuthBody(actor) })

export const rateLimitMiddlewares: MiddlewareRoute[] = [
  // Medusa's own e-mail and password routes: per account (the e-mail in the body) and per address.
  { matcher: "/auth/customer/emailpass", methods: ["POST"], middlewares: [signIn("customer")] },
  { matcher: "/auth/user/emailpass", methods: ["POST"], middlewares: [signIn("user")] },
  { matcher: "/auth/customer/emailpass/register", methods: ["POST"], middlewares: [register("customer")] },
  { matcher: "/auth/user/emailpass/register", methods: ["POST"], middlewares: [register("user")] },
  { matcher: "/auth/customer/emailpass/reset-password", methods: ["POST"], middlewares: [passwordReset("customer")] },
  { matcher: "/auth/user/emailpass/reset-password", methods: ["POST"], middlewares: [passwordReset("user")] },
  { matcher: "/auth/customer/emailpass/update", methods: ["POST"], middlewares: [passwordReset("customer")] },
  { matcher: "/auth/user/emailpass/update", methods: ["POST"], middlewares: [passwordReset("user")] },
  // A signed-in customer's password change checks the current password: limited as sign-in is, per customer.
  {
    matcher: "/store/customers/me/password",
    methods: ["POST"],
    middlewares: [rateLimit("sign_in", { account: (req) => (viewerIdOf(req) ? `customer:${viewerIdOf(req)}` : null) })],
  },

  // Shoppers' uploads and writes: per signed-in customer and per address. Every attempt counts,
  // refused ones too (a bad upload costs as much to read as a good one). A post's edit is JSON
  // only, with no upload, and is not limited.
  { matcher: "/store/wardrobe/items", methods: ["POST"], middlewares: [rateLimit("upload")] },
  { matcher: "/store/wardrobe/items/:id", methods: ["POST"], middlewares: [rateLimit("upload")] },
  { matcher: "/store/social/posts", methods: ["POST"], middlewares: [rateLimit("post")] },
  { matcher: "/store/social/posts/:id/comments", methods: ["POST"], middlewares: [rateLimit("comment")] },
  { matcher: "/store/social/posts/:id/reports", methods: ["POST"], middlewares: [rateLimit("report")] },

  // The ML routes: search by photo, and try-on (per signed-in shopper and per address, guests by address).
  { matcher: "/store/visual-search", methods: ["POST"], middlewares: [rateLimit("visual_search")] },
  // Suggestions from a shopper's own photo run the same search.
  { matcher: "/store/social/tag-suggestions", methods: ["POST"], middlewares: [rateLimit("visual_search")] },
  { matcher: "/store/wardrobe/photo-suggestions", methods: ["POST"], middlewares: [rateLimit("visual_search")] },
  { matcher: "/store/try-on", methods: ["POST"], middlewares: [rateLimit("try_on")] },

  // Style profiles: each guest save may create a profile row, so writes are limited per shopper and address.
  { matcher: "/store/style-profile", methods: ["POST"], middlewares: [rateLimit("style_profile")] },
  { matcher: "/store/customers/me/style-profile", methods: ["POST"], middlewares: [rateLimit("style_profile")] },
  { matcher: "/store/customers/me/style-profile/merge", methods: ["POST"], middlewares: [rateLimit("style_profile")] },
  // Views, clicks and impressions from the storefront, batched (at most 50 a call).
  { matcher: "/store/recommendations/interactions", methods: ["POST"], middlewares: [rateLimit("interactions")] },
  // Feedback on recommendations and adding an outfit to the cart: writes, limited as interaction reports are.
  { matcher: "/store/recommendations/feedback", methods: ["POST"], middlewares: [rateLimit("interactions")] },
  { matcher: "/store/recommendations/outfits/cart", methods: ["POST"], middlewares: [rateLimit("interactions")] },
]
