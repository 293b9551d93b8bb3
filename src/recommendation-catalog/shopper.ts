import { MedusaRequest } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import type { InteractionDTO } from "../modules/recommendation/service"
import RecommendationModuleService from "../modules/recommendation/service"
import { RECOMMENDATION_MODULE } from "../modules/recommendation/constants"
import { emptyStyleProfile, StyleProfile as StoredProfile } from "../modules/recommendation/profile"
import { WARDROBE_MODULE, WardrobeModuleService } from "../modules/wardrobe"
import {
  buildCollaborativeModel,
  CollaborativeModel,
  Feedback,
  FeedbackAction,
  Interaction,
  InteractionKind,
  OwnedItem,
  Shopper,
  StyleProfile,
} from "../recommendation"
import { ShopperContext } from "../shopper/context"
import { RefreshingCache } from "../utils/refreshing-cache"
import { viewerIdOf } from "../api/identity"
import { guestIdOf } from "../api/utils/guest-id"
import { basketInteractions, readCuratedBaskets } from "./baskets"
import { slotOfCategory } from "./catalog"

/** One request's overrides of the profile (query parameters, already validated). */
export type ProfileOverrides = {
  /** Outfit budget; also caps the per-item budget (one item cannot cost more than the whole outfit). */
  budget?: number
  max_item_price?: number
  /** Category handle → size, merged over the profile's sizes. */
  sizes?: Record<string, string>
}

/** Who the shopper is: a signed-in customer, or the guest id of the signed guest cookie (null: an anonymous first visit). */
export type ShopperIdentity = { customer_id: string | null; guest_id: string | null }

export function shopperIdentity(req: MedusaRequest): ShopperIdentity {
  const customerId = viewerIdOf(req)
  return { customer_id: customerId, guest_id: customerId ? null : guestIdOf(req) }
}

/** The key interactions are grouped by in the core: customers by id, guests by their guest id. */
const ownerKey = (row: { customer_id?: string | null; guest_id?: string | null }) =>
  row.customer_id ? row.customer_id : row.guest_id ? `guest:${row.guest_id}` : null

/** The log's kinds as the core counts them; feedback is read apart, and unknown kinds are skipped. */
const CORE_KIND: Record<string, InteractionKind | undefined> = {
  view: "view",
  click: "click",
  like: "like",
  add_to_cart: "add_to_cart",
  purchase: "purchase",
  wardrobe: "wardrobe",
  lookbook_view: "view",
  add_look: "look",
  impression: "impression",
}

const FEEDBACK_ACTIONS: readonly FeedbackAction[] = ["like", "dismiss", "not_my_size", "too_expensive", "not_my_style"]

type LogRow = Pick<InteractionDTO, "customer_id" | "guest_id" | "product_id" | "kind" | "value" | "created_at">

function toInteraction(row: LogRow): Interaction | null {
  const kind = CORE_KIND[row.kind]
  const owner = ownerKey(row)
  if (!kind || !owner) return null
  return { customer_id: owner, product_id: row.product_id, kind, at: new Date(row.created_at).getTime() }
}

/**
 * How long the collaborative model is reused (RECOMMENDATION_MODEL_TTL_MS, default 60 s; the log changes slowly,
 * a shopper's own history is read fresh); for 10 minutes after that the old model answers while the next is built.
 */
const models = new RefreshingCache<CollaborativeModel>(Number(process.env.RECOMMENDATION_MODEL_TTL_MS ?? 60_000), 10 * 60_000)

/** The collaborative model of the whole interaction log and the curated baskets (looks, outfits). */
export function collaborativeModel(scope: MedusaContainer): Promise<CollaborativeModel> {
  return models.get("log", async () => {
    const [rows, baskets] = await Promise.all([
      scope
        .resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
        .listInteractions({}, { select: ["customer_id", "guest_id", "product_id", "kind", "created_at"], take: null }),
      readCuratedBaskets(scope),
    ])
    const logged = rows.map((r) => toInteraction(r as LogRow)).filter((i): i is Interaction => !!i)
    return buildCollaborativeModel([...logged, ...basketInteractions(baskets)])
  })
}

/**
 * The profile the core ranks with: the stored one with the request's overrides merged over it. Budgets are in
 * the region's currency: a stored budget in another currency does not apply in this region (no rates are
 * guessed), the query's `budget` and `max_item_price` do.
 */
export function effectiveProfile(stored: StoredProfile | null, shopper: ShopperContext, overrides: ProfileOverrides): StyleProfile {
  const p = stored ?? emptyStyleProfile()
  const sameCurrency = !p.budget.currency_code || p.budget.currency_code.toLowerCase() === shopper.currency_code.toLowerCase()
  let maxItem = sameCurrency ? p.budget.max_item : null
  let maxOutfit = sameCurrency ? p.budget.max_outfit : null
  if (overrides.max_item_price !== undefined) maxItem = overrides.max_item_price
  if (overrides.budget !== undefined) {
    maxOutfit = overrides.budget
    maxItem = maxItem === null ? overrides.budget : Math.min(maxItem, overrides.budget)
  }
  return {
    sizes: { ...p.sizes, ...(overrides.sizes ?? {}) },
    budget: { max_item: maxItem, max_outfit: maxOutfit, currency_code: shopper.currency_code },
    colours_liked: p.colours_liked,
    colours_avoided: p.colours_avoided,
    styles: p.styles,
    brands: p.brands,
    occasions: p.occasions,
    fit: p.fit,
  }
}

/** The signed-in customer's wardrobe as the core's owned items (items of unknown category cannot be placed in an outfit). */
export async function ownedItems(scope: MedusaContainer, customerId: string): Promise<OwnedItem[]> {
  const items = await scope
    .resolve<WardrobeModuleService>(WARDROBE_MODULE)
    .listWardrobeItems(
      { customer_id: customerId },
      { select: ["id", "name", "category", "colours", "season", "product_id"], take: 500, order: { created_at: "DESC" } }
    )
  return items.flatMap((item): OwnedItem[] => {
    const slot = slotOfCategory(item.category)
    if (!slot) return []
    const colours = ((item.colours ?? []) as string[]).map((name) => ({ name }))
    const name = item.name.toLowerCase()
    const firstColour = colours[0]?.name.toLowerCase()
    return [
      {
        id: item.id,
        title: firstColour && !name.includes(firstColour) ? `${firstColour} ${name}` : name,
        slot,
        category_handle: item.category?.toLowerCase() ?? null,
        colours,
        season: item.season ?? null,
        product_id: item.product_id ?? null,
      },
    ]
  })
}

/**
 * Everything the core knows about the shopper for one request: the profile (with overrides), their own
 * history and feedback from the interaction log, and (signed in) their wardrobe.
 */
export async function loadShopper(
  scope: MedusaContainer,
  identity: ShopperIdentity,
  shopper: ShopperContext,
  overrides: ProfileOverrides
): Promise<Shopper> {
  const recommendation = scope.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
  const owner = identity.customer_id ? { customer_id: identity.customer_id } : identity.guest_id ? { guest_id: identity.guest_id } : null
  const [stored, rows, wardrobe] = await Promise.all([
    identity.customer_id
      ? recommendation.getProfile(identity.customer_id)
      : identity.guest_id
        ? recommendation.getGuestProfile(identity.guest_id)
        : Promise.resolve(null),
    owner
      ? recommendation.listInteractions(owner, {
          select: ["customer_id", "guest_id", "product_id", "kind", "value", "created_at"],
          order: { created_at: "DESC" },
          take: 1000,
        })
      : Promise.resolve([]),
    identity.customer_id ? ownedItems(scope, identity.customer_id) : Promise.resolve([]),
  ])
  const history: Interaction[] = []
  const feedback: Feedback[] = []
  for (const row of rows as LogRow[]) {
    if (row.kind === "feedback") {
      const action = (row.value as { action?: unknown } | null)?.action
      if (FEEDBACK_ACTIONS.includes(action as FeedbackAction))
        feedback.push({ product_id: row.product_id, action: action as FeedbackAction, at: new Date(row.created_at).getTime() })
      continue
    }
    const interaction = toInteraction(row)
    if (interaction) history.push(interaction)
  }
  return {
    customer_id: owner ? ownerKey(owner) : null,
    profile: effectiveProfile(stored, shopper, overrides),
    history: history.reverse(),
    wardrobe,
    feedback: feedback.reverse(),
  }
}
