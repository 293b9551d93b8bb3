import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { InteractionKind } from "../../../../modules/recommendation/constants"
import type { RecordInteractionInput } from "../../../../modules/recommendation/service"
import { viewerIdOf } from "../../../identity"
import { guestIdOf } from "../../../utils/guest-id"
import { recommendationOf } from "../../customers/me/style-profile/style-profile"

/**
 * Interactions that other domains' Store routes cause (a post liked, a catalog garment added to the
 * wardrobe, a look seen, a look added to the cart, a product added to the cart), recorded once their route has answered with success. Middlewares here, rather than
 * steps inside the social, lookbook and cart workflows, keep those modules free of the recommendation
 * module; a failure to record is logged and never changes the answer the shopper got.
 */

type Recorder = {
  kind: InteractionKind
  surface: string
  /** Which answers count: a look view counts only when the lookbook route counted it (201). */
  counts: (status: number) => boolean
  products: (req: MedusaRequest) => Promise<string[]>
  value: (req: MedusaRequest) => Record<string, unknown>
  /** For events that must count once per shopper (a like unliked and liked again). */
  dedup?: (req: MedusaRequest, owner: string, productId: string) => string
}

const queryOf = (req: MedusaRequest) => req.scope.resolve(ContainerRegistrationKeys.QUERY)

async function lookProducts(req: MedusaRequest): Promise<string[]> {
  const { data } = await queryOf(req).graph({ entity: "lookbook_hotspot", fields: ["product_id"], filters: { look_id: req.params.look_id } })
  return [...new Set(data.map((h: { product_id: string }) => h.product_id))]
}

async function postProducts(req: MedusaRequest): Promise<string[]> {
  const { data } = await queryOf(req).graph({ entity: "social_post_tag", fields: ["product_id"], filters: { post_id: req.params.id } })
  return [...new Set(data.map((t: { product_id: string }) => t.product_id))]
}

/** The request body, as its route's validator left it. */
const bodyOf = (req: MedusaRequest) =>
  ((req as MedusaRequest & { validatedBody?: unknown }).validatedBody ?? req.body ?? {}) as { variant_id?: unknown; quantity?: unknown }

/** The product of the catalog variant the body names (a new wardrobe item's, a new cart line's), if any. */
async function variantProducts(req: MedusaRequest): Promise<string[]> {
  const body = bodyOf(req)
  if (typeof body.variant_id !== "string" || !body.variant_id) return []
  const { data } = await queryOf(req).graph({ entity: "product_variant", fields: ["product_id"], filters: { id: body.variant_id } })
  return data.map((v: { product_id?: string | null }) => v.product_id).filter((id): id is string => !!id)
}

const ok = (status: number) => status >= 200 && status < 300

function recordOnSuccess(recorder: Recorder) {
  return function recordInteractionOnSuccess(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    // Read before the route runs: a sign-in merge may clear the guest cookie on the way.
    const customerId = viewerIdOf(req)
    const guestId = customerId ? null : guestIdOf(req)
    res.once("finish", () => {
      if (!recorder.counts(res.statusCode) || (!customerId && !guestId)) return
      const owner = customerId ? { customer_id: customerId } : { guest_id: guestId! }
      const ownerKey = customerId ?? guestId!
      recorder
        .products(req)
        .then((productIds) =>
          recommendationOf(req).recordInteractions(
            productIds.map((product_id): RecordInteractionInput => ({
              ...owner,
              product_id,
              kind: recorder.kind,
              surface: recorder.surface,
              value: recorder.value(req),
              dedup_key: recorder.dedup?.(req, ownerKey, product_id) ?? null,
            }))
          )
        )
        .catch((error: Error) =>
          req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Could not record a ${recorder.kind} interaction: ${error.message}`)
        )
    })
    next()
  }
}

export const serverInteractionMiddlewares: MiddlewareRoute[] = [
  {
    // Liking a post likes the products tagged in it, once per shopper and post.
    matcher: "/store/social/posts/:id/like",
    methods: ["POST"],
    middlewares: [
      recordOnSuccess({
        kind: "like",
        surface: "social",
        counts: ok,
        products: postProducts,
        value: (req) => ({ post_id: req.params.id }),
        dedup: (req, owner, product) => `like:${owner}:${req.params.id}:${product}`,
      }),
    ],
  },
  {
    // A garment from the catalog added to one's wardrobe by hand (bought ones come from order.placed as purchases).
    matcher: "/store/wardrobe/items",
    methods: ["POST"],
    middlewares: [
      recordOnSuccess({
        kind: "wardrobe",
        surface: "wardrobe",
        counts: ok,
        products: variantProducts,
        value: () => ({}),
        dedup: (_req, owner, product) => `wardrobe:${owner}:${product}`,
      }),
    ],
  },
  {
    // Medusa's own "add to cart": one add_to_cart for the added variant's product, by whoever owns the call
    // (an anonymous call without a guest cookie records nothing; the storefront forwards the cookie).
    matcher: "/store/carts/:id/line-items",
    methods: ["POST"],
    middlewares: [
      recordOnSuccess({
        kind: "add_to_cart",
        surface: "cart",
        counts: ok,
        products: variantProducts,
        value: (req) => {
          const { variant_id, quantity } = bodyOf(req)
          return { variant_id: String(variant_id), ...(typeof quantity === "number" ? { quantity } : {}) }
        },
      }),
    ],
  },
  {
    matcher: "/store/lookbooks/:id/looks/:look_id/views",
    methods: ["POST"],
    middlewares: [
      recordOnSuccess({
        kind: "lookbook_view",
        surface: "lookbook",
        counts: (status) => status === 201,
        products: lookProducts,
        value: (req) => ({ look_id: req.params.look_id }),
      }),
    ],
  },
  {
    matcher: "/store/lookbooks/:id/looks/:look_id/add-to-cart",
    methods: ["POST"],
    middlewares: [
      recordOnSuccess({
        kind: "add_look",
        surface: "lookbook",
        counts: ok,
        products: lookProducts,
        value: (req) => ({ look_id: req.params.look_id }),
      }),
    ],
  },
]
