import { Context, InferTypeOf } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { sqlManagerOf } from "../../utils/module-sql"
import { INTERACTION_KINDS, InteractionKind, QUIZ_SURFACE, RECOMMENDATION_SURFACES } from "./constants"
import { answersFromLooks, fillEmptyAnswers, LikedLook } from "./looks"
import { ConstraintRejection, Interaction, StyleProfile as StyleProfileModel } from "./models"
import {
  applyPatch,
  emptyStyleProfile,
  isEmptyProfile,
  mergeProfiles,
  normalizePatch,
  profileIssues,
  StyleProfile,
  StyleProfilePatch,
  StyleProfileValidationError,
} from "./profile"

type StyleProfileRow = InferTypeOf<typeof StyleProfileModel>
export type InteractionDTO = InferTypeOf<typeof Interaction>

/** Whose profile: a signed-in customer's or a signed-out shopper's guest id. */
export type ProfileOwner = { customer_id: string; guest_id?: undefined } | { guest_id: string; customer_id?: undefined }

export type RecordInteractionInput = {
  customer_id?: string | null
  guest_id?: string | null
  product_id: string
  kind: InteractionKind
  surface?: string | null
  value?: Record<string, unknown> | null
  /** Recording the same key twice records it once (events that may be delivered again). */
  dedup_key?: string | null
  /** When it happened; now when left out (the demo's simulated community sets past times). */
  created_at?: Date | string
}

export type MergeGuestProfileResult = {
  style_profile: StyleProfile | null
  /** Whether anything of the guest's (profile or interactions) was found and moved. */
  merged: boolean
  moved_interactions: number
}

/**
 * Style profiles and the interaction log. Generated CRUD (listInteractions, ...) comes from
 * MedusaService; profiles change only through upsertProfile / mergeGuestProfile, which check
 * every value (profile.ts) so that the recommenders can trust what they read.
 */
class RecommendationModuleService extends MedusaService({ StyleProfile: StyleProfileModel, Interaction, ConstraintRejection }) {
  /** The customer's profile as the Store API shows it, or null when they have none. Size advice reads `measurements` here. */
  async getProfile(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<StyleProfile | null> {
    const row = await this.findOwned_({ customer_id: customerId }, sharedContext)
    return row ? toStyleProfile(row) : null
  }

  /** A signed-out shopper's profile, or null. */
  async getGuestProfile(guestId: string, @MedusaContext() sharedContext: Context = {}): Promise<StyleProfile | null> {
    const row = await this.findOwned_({ guest_id: guestId }, sharedContext)
    return row ? toStyleProfile(row) : null
  }

  /**
   * Creates or changes the customer's profile with a patch (fields left out stay; see
   * StyleProfilePatch). A bad value is an INVALID_DATA error naming the field ("sizes.tops must
   * be one of XS, ...").
   */
  async upsertProfile(
    customerId: string,
    patch: StyleProfilePatch | Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StyleProfile> {
    return this.upsertOwned({ customer_id: requireId(customerId, "customer_id") }, patch, sharedContext)
  }

  /** The same for a signed-out shopper's guest id. */
  async upsertGuestProfile(
    guestId: string,
    patch: StyleProfilePatch | Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StyleProfile> {
    return this.upsertOwned({ guest_id: requireId(guestId, "guest_id") }, patch, sharedContext)
  }

  /**
   * Moves a signed-out shopper's profile and interactions into the customer's account, in one
   * transaction. `guestProfile` is either `{ guest_id }` (a stored guest profile: merged, then
   * removed, and the guest's interactions re-owned by the customer) or a profile's values kept
   * elsewhere (merged as the newer one). Merging twice changes nothing more.
   */
  async mergeGuestProfile(
    customerId: string,
    guestProfile: { guest_id: string } | StyleProfilePatch,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<MergeGuestProfileResult> {
    requireId(customerId, "customer_id")
    const guestId = typeof (guestProfile as { guest_id?: unknown }).guest_id === "string" ? (guestProfile as { guest_id: string }).guest_id : null
    const values = guestId ? null : applyPatch(emptyStyleProfile(), asPatch(guestProfile))
    return retryOnUniqueViolation(() => this.merge_(customerId, guestId, values, sharedContext))
  }

  /**
   * Saves the style quiz in one transaction: the profile patch, then the lists the shopper left empty
   * (colours liked, styles, occasions, brands) filled from the looks they picked (looks.ts), and the
   * picks as the owner's quiz likes: one `like` (surface "quiz") per product, recorded once (dedup key
   * per owner and product); a look no longer picked loses its quiz like, so the quiz shows what is
   * picked now. The caller checks that each look is a published product.
   */
  async saveQuizAnswers(
    owner: ProfileOwner,
    patch: StyleProfilePatch | Record<string, unknown>,
    looks: LikedLook[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StyleProfile> {
    const checked: ProfileOwner = owner.customer_id
      ? { customer_id: requireId(owner.customer_id, "customer_id") }
      : { guest_id: requireId(owner.guest_id, "guest_id") }
    const normalized = asPatch(patch)
    return retryOnUniqueViolation(() => this.saveQuizAnswers_(checked, normalized, looks, sharedContext))
  }

  /** Product ids the owner picked in the style quiz (their quiz likes), oldest first. */
  async listQuizLikes(owner: ProfileOwner, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const rows = await this.listInteractions(
      { ...ownerFilter(owner), kind: "like", surface: QUIZ_SURFACE },
      { select: ["product_id"], order: { created_at: "ASC" } },
      sharedContext
    )
    return [...new Set(rows.map((r) => r.product_id))]
  }

  /** Records interactions in one transaction; answers how many were recorded (keys already recorded are skipped). */
  async recordInteractions(inputs: RecordInteractionInput[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const rows = inputs.map(checkInteraction)
    if (!rows.length) return 0
    return this.recordInteractions_(rows, sharedContext)
  }

  /**
   * Adds one answer's constraint rejections to today's counters (UTC) of its surface, one row per reason,
   * in one transaction: an INSERT … ON CONFLICT adds under the row's lock, so answers at the same moment
   * never lose counts. Reasons with nothing to add are skipped.
   */
  @InjectTransactionManager()
  async recordRejections(surface: string, counts: RejectionTally[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (typeof surface !== "string" || !surface.trim()) throw new MedusaError(MedusaError.Types.INVALID_DATA, "surface is required")
    const rows = counts
      .map((c) => ({ reason: c.reason, rejected: wholeCount(c.rejected), emptied: wholeCount(c.emptied) }))
      .filter((c) => c.reason && (c.rejected > 0 || c.emptied > 0))
    if (!rows.length) return
    const day = new Date().toISOString().slice(0, 10)
    await sqlManagerOf(sharedContext).execute(
      `INSERT INTO "recommendation_constraint_rejection" ("id", "day", "surface", "reason", "rejected", "emptied")
       VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}
       ON CONFLICT ("day", "surface", "reason") WHERE "deleted_at" IS NULL
       DO UPDATE SET "rejected" = "recommendation_constraint_rejection"."rejected" + excluded."rejected",
                     "emptied" = "recommendation_constraint_rejection"."emptied" + excluded."emptied",
                     "updated_at" = now()`,
      rows.flatMap((r) => [generateEntityId(undefined, "rcrej"), day, surface, r.reason, r.rejected, r.emptied])
    )
  }

  /**
   * What recommendations did over the last `days` UTC days (today included), for the admin:
   * - per recommendation surface (RECOMMENDATION_SURFACES, and any other that recorded impressions in the span):
   *   impressions, clicks and add-to-cart interactions recorded with that surface;
   * - purchases attributed to a surface. The rule: a purchase interaction (recorded from a placed order, so it
   *   carries value.order_id) of a product the same customer clicked or added to the cart from a surface within
   *   ATTRIBUTION_WINDOW_DAYS before the purchase. When several surfaces led to it, the latest of those touches
   *   wins (last touch), so a purchase is attributed once. A guest's touches count once they are moved to the
   *   account at sign-in. Purchases are counted when they happened within the span; their touches may be older.
   *   The caller prices them from the order's lines (the order module's data, not this module's);
   * - constraint rejections per surface and reason.
   * Aggregated in SQL (IDX_interaction_kind_created, IDX_interaction_customer_created) so the log's size does
   * not reach the caller.
   */
  @InjectManager()
  async recommendationActivity(days: number, @MedusaContext() sharedContext: Context = {}): Promise<RecommendationActivity> {
    const span = Math.min(Math.max(Math.trunc(days) || 1, 1), 366)
    const manager = sqlManagerOf(sharedContext)
    const since = `((now() AT TIME ZONE 'UTC')::date - (?::int - 1)) AT TIME ZONE 'UTC'`
    // One after another: the three share the method's entity manager.
    const counts = await manager.execute<Record<string, unknown>>(
      `SELECT "surface",
                count(*) FILTER (WHERE "kind" = 'impression') AS impressions,
                count(*) FILTER (WHERE "kind" = 'click') AS clicks,
                count(*) FILTER (WHERE "kind" = 'add_to_cart') AS add_to_cart
           FROM "interaction"
          WHERE "deleted_at" IS NULL AND "surface" IS NOT NULL
            AND "kind" IN ('impression', 'click', 'add_to_cart')
            AND "created_at" >= ${since}
          GROUP BY "surface"`,
      [span]
    )
    const surfaces = [...new Set([...RECOMMENDATION_SURFACES, ...counts.filter((r) => Number(r.impressions) > 0).map((r) => String(r.surface))])]
    const purchases = await manager.execute<Record<string, unknown>>(
      `SELECT p."value"->>'order_id' AS order_id, p."product_id", touch."surface"
           FROM "interaction" p
           JOIN LATERAL (
             SELECT t."surface"
               FROM "interaction" t
              WHERE t."deleted_at" IS NULL AND t."customer_id" = p."customer_id" AND t."product_id" = p."product_id"
                AND t."kind" IN ('click', 'add_to_cart') AND t."surface" = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))
                AND t."created_at" <= p."created_at" AND t."created_at" >= p."created_at" - make_interval(days => ?::int)
              ORDER BY t."created_at" DESC
              LIMIT 1
           ) touch ON true
          WHERE p."deleted_at" IS NULL AND p."kind" = 'purchase' AND p."customer_id" IS NOT NULL
            AND p."value"->>'order_id' IS NOT NULL AND p."created_at" >= ${since}`,
      [JSON.stringify(surfaces), ATTRIBUTION_WINDOW_DAYS, span]
    )
    const rejections = await manager.execute<Record<string, unknown>>(
      `SELECT "surface", "reason", sum("rejected") AS rejected, sum("emptied") AS emptied
           FROM "recommendation_constraint_rejection"
          WHERE "deleted_at" IS NULL AND "day" >= to_char((now() AT TIME ZONE 'UTC')::date - (?::int - 1), 'YYYY-MM-DD')
          GROUP BY "surface", "reason"
          ORDER BY "surface", "reason"`,
      [span]
    )
    return {
      days: span,
      surfaces: surfaces.map((surface) => {
        const r = counts.find((c) => c.surface === surface) ?? {}
        return { surface, impressions: Number(r.impressions ?? 0), clicks: Number(r.clicks ?? 0), add_to_cart: Number(r.add_to_cart ?? 0) }
      }),
      attributed_purchases: purchases.map((r) => ({ order_id: String(r.order_id), product_id: String(r.product_id), surface: String(r.surface) })),
      rejections: rejections.map((r) => ({
        surface: String(r.surface),
        reason: String(r.reason),
        rejected: Number(r.rejected ?? 0),
        emptied: Number(r.emptied ?? 0),
      })),
    }
  }

  // ------------------------------------------------------------------------------------------

  protected async upsertOwned(
    owner: ProfileOwner,
    input: StyleProfilePatch | Record<string, unknown>,
    sharedContext: Context
  ): Promise<StyleProfile> {
    const patch = asPatch(input)
    return retryOnUniqueViolation(() => this.upsertOwned_(owner, patch, sharedContext))
  }

  @InjectTransactionManager()
  protected async upsertOwned_(owner: ProfileOwner, patch: StyleProfilePatch, @MedusaContext() sharedContext: Context = {}): Promise<StyleProfile> {
    const row = await this.findOwned_(owner, sharedContext)
    const next = applyPatch(row ? toStyleProfile(row) : emptyStyleProfile(), patch)
    const issues = profileIssues(next)
    if (issues.length) throw invalid(new StyleProfileValidationError(issues))
    return this.save_(owner, row, next, sharedContext)
  }

  @InjectTransactionManager()
  protected async saveQuizAnswers_(
    owner: ProfileOwner,
    patch: StyleProfilePatch,
    looks: LikedLook[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StyleProfile> {
    const row = await this.findOwned_(owner, sharedContext)
    const answered = applyPatch(row ? toStyleProfile(row) : emptyStyleProfile(), patch)
    const next = fillEmptyAnswers(answered, answersFromLooks(looks))
    const issues = profileIssues(next)
    if (issues.length) throw invalid(new StyleProfileValidationError(issues))
    const saved = await this.save_(owner, row, next, sharedContext)

    const picked = new Set(looks.map((l) => l.product_id))
    const existing = await this.listInteractions(
      { ...ownerFilter(owner), kind: "like", surface: QUIZ_SURFACE },
      { select: ["id", "product_id"] },
      sharedContext
    )
    // Deleted for good, not soft-deleted: the dedup key's unique index would refuse picking the look again.
    const unpicked = existing.filter((r) => !picked.has(r.product_id)).map((r) => r.id)
    if (unpicked.length) await this.deleteInteractions(unpicked, sharedContext)
    const known = new Set(existing.map((r) => r.product_id))
    const ownerKey = owner.customer_id ? `customer:${owner.customer_id}` : `guest:${owner.guest_id}`
    const fresh = [...picked].filter((id) => !known.has(id))
    await this.recordInteractions_(
      fresh
        .map((product_id) => ({
          ...owner,
          product_id,
          kind: "like" as const,
          surface: QUIZ_SURFACE,
          dedup_key: `quiz_like:${ownerKey}:${product_id}`,
        }))
        .map(checkInteraction),
      sharedContext
    )
    return saved
  }

  @InjectTransactionManager()
  protected async merge_(
    customerId: string,
    guestId: string | null,
    values: StyleProfile | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<MergeGuestProfileResult> {
    const accountRow = await this.findOwned_({ customer_id: customerId }, sharedContext)
    const account = accountRow ? toStyleProfile(accountRow) : null
    let moved = 0
    let guest: StyleProfile | null = values
    let guestNewer = true
    if (guestId) {
      const guestRow = await this.findOwned_({ guest_id: guestId }, sharedContext)
      if (guestRow) {
        guest = toStyleProfile(guestRow)
        guestNewer = !accountRow || new Date(guestRow.updated_at) >= new Date(accountRow.updated_at)
        await this.deleteStyleProfiles([guestRow.id], sharedContext)
      }
      const guestInteractions = await this.listInteractions({ guest_id: guestId }, { select: ["id"] }, sharedContext)
      if (guestInteractions.length) {
        await this.updateInteractions({ selector: { guest_id: guestId }, data: { customer_id: customerId, guest_id: null } }, sharedContext)
        moved = guestInteractions.length
      }
    }
    if (!guest || isEmptyProfile(guest)) return { style_profile: account, merged: moved > 0 || !!guest, moved_interactions: moved }
    const merged = account ? (guestNewer ? mergeProfiles(account, guest) : mergeProfiles(guest, account)) : guest
    const saved = await this.save_({ customer_id: customerId }, accountRow, merged, sharedContext)
    return { style_profile: saved, merged: true, moved_interactions: moved }
  }

  /**
   * Plain INSERTs, 1,000 rows a statement (the demo's community writes thousands): a key already recorded,
   * or repeated within the call, is skipped by the unique index (ON CONFLICT DO NOTHING), so concurrent
   * deliveries of one event record it once without a read first.
   */
  @InjectTransactionManager()
  protected async recordInteractions_(rows: RecordInteractionInput[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const sql = sqlManagerOf(sharedContext)
    let recorded = 0
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH)
      const inserted = await sql.execute<{ id: string }>(
        `INSERT INTO "interaction" ("id", "customer_id", "guest_id", "product_id", "kind", "surface", "value", "dedup_key", "created_at", "updated_at")
         VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, COALESCE(CAST(? AS timestamptz), now()), now())").join(", ")}
         ON CONFLICT ("dedup_key") WHERE "dedup_key" IS NOT NULL AND "deleted_at" IS NULL DO NOTHING
         RETURNING "id"`,
        batch.flatMap((r) => [
          generateEntityId(undefined, "intr"),
          r.customer_id ?? null,
          r.guest_id ?? null,
          r.product_id,
          r.kind,
          r.surface ?? null,
          r.value == null ? null : JSON.stringify(r.value),
          r.dedup_key ?? null,
          r.created_at ? new Date(r.created_at).toISOString() : null,
        ])
      )
      recorded += inserted.length
    }
    return recorded
  }

  protected async findOwned_(owner: ProfileOwner, sharedContext: Context): Promise<StyleProfileRow | null> {
    const filter = owner.customer_id ? { customer_id: owner.customer_id } : { guest_id: owner.guest_id }
    const [row] = await this.listStyleProfiles(filter, { take: 1 }, sharedContext)
    return (row as StyleProfileRow | undefined) ?? null
  }

  protected async save_(owner: ProfileOwner, row: StyleProfileRow | null, profile: StyleProfile, sharedContext: Context): Promise<StyleProfile> {
    const data = toColumns(profile)
    if (row) {
      // Medusa's update merges JSON objects into the stored ones (mergeObjectProperties), so a size
      // removed from `sizes` would survive: the JSON columns are cleared first, in this transaction,
      // and the next update writes them whole (one UPDATE at flush).
      await this.updateStyleProfiles({ id: row.id, sizes: null, budget: null, measurements: null } as never, sharedContext)
    }
    const saved = row
      ? await this.updateStyleProfiles({ id: row.id, ...data }, sharedContext)
      : await this.createStyleProfiles({ ...data, customer_id: owner.customer_id ?? null, guest_id: owner.guest_id ?? null }, sharedContext)
    return toStyleProfile(saved as unknown as StyleProfileRow)
  }
}

const ownerFilter = (owner: ProfileOwner) => (owner.customer_id ? { customer_id: owner.customer_id } : { guest_id: owner.guest_id })

/** How many days before a purchase a click or add-to-cart from a recommendation surface still earns it the purchase. */
export const ATTRIBUTION_WINDOW_DAYS = 7

/** One reason's part of an answer's rejections: candidates it turned away, and whether it emptied the answer (1) or not (0). */
export type RejectionTally = { reason: string; rejected: number; emptied: number }

/** recommendationActivity's answer: counts per surface, purchases with the surface they are attributed to, rejections. */
export type RecommendationActivity = {
  days: number
  surfaces: { surface: string; impressions: number; clicks: number; add_to_cart: number }[]
  attributed_purchases: { order_id: string; product_id: string; surface: string }[]
  rejections: { surface: string; reason: string; rejected: number; emptied: number }[]
}

const wholeCount = (n: unknown) => (typeof n === "number" && Number.isFinite(n) && n > 0 ? Math.trunc(n) : 0)

/** A row as the API shows it: every field present, in canonical form. */
export function toStyleProfile(
  row: Pick<StyleProfileRow, "sizes" | "budget" | "colours_liked" | "colours_avoided" | "styles" | "brands" | "occasions" | "fit" | "measurements">
): StyleProfile {
  const empty = emptyStyleProfile()
  const budget = (row.budget ?? {}) as Partial<StyleProfile["budget"]>
  return {
    sizes: { ...((row.sizes ?? {}) as Record<string, string>) },
    budget: {
      max_item: budget.max_item ?? null,
      max_outfit: budget.max_outfit ?? null,
      currency_code: budget.currency_code ?? null,
    },
    colours_liked: [...(row.colours_liked ?? empty.colours_liked)],
    colours_avoided: [...(row.colours_avoided ?? empty.colours_avoided)],
    styles: [...(row.styles ?? empty.styles)],
    brands: [...(row.brands ?? empty.brands)],
    occasions: [...(row.occasions ?? empty.occasions)],
    fit: (row.fit as StyleProfile["fit"]) ?? null,
    measurements: (row.measurements as StyleProfile["measurements"]) ?? null,
  }
}

const toColumns = (p: StyleProfile) => ({
  sizes: p.sizes,
  budget: p.budget,
  colours_liked: p.colours_liked,
  colours_avoided: p.colours_avoided,
  styles: p.styles,
  brands: p.brands,
  occasions: p.occasions,
  fit: p.fit,
  measurements: p.measurements,
})

/** A patch checked and in canonical form; bad values become one INVALID_DATA error naming each field. */
function asPatch(input: unknown): StyleProfilePatch {
  try {
    return normalizePatch(input)
  } catch (error) {
    if (error instanceof StyleProfileValidationError) throw invalid(error)
    throw error
  }
}

const invalid = (error: StyleProfileValidationError) => new MedusaError(MedusaError.Types.INVALID_DATA, error.message)

function requireId(id: unknown, name: string): string {
  if (typeof id !== "string" || !id.trim()) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name} is required`)
  return id
}

/** Rows one INSERT statement writes (9 values each, well under PostgreSQL's 65,535 parameters). */
const INSERT_BATCH = 1000

function checkInteraction(input: RecordInteractionInput, i: number): RecordInteractionInput {
  const field = (name: string) => `interactions.${i}.${name}`
  if (!input.customer_id && !input.guest_id)
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field("customer_id")} or ${field("guest_id")} is required`)
  if (typeof input.product_id !== "string" || !input.product_id.trim())
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field("product_id")} is required`)
  if (!(INTERACTION_KINDS as readonly string[]).includes(input.kind))
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field("kind")} must be one of ${INTERACTION_KINDS.join(", ")}`)
  return {
    customer_id: input.customer_id || null,
    guest_id: input.customer_id ? null : input.guest_id || null,
    product_id: input.product_id,
    kind: input.kind,
    surface: input.surface ?? null,
    value: input.value ?? null,
    dedup_key: input.dedup_key ?? null,
    ...(input.created_at ? { created_at: new Date(input.created_at) } : {}),
  }
}

/** PostgreSQL's unique_violation, however the ORM wraps it. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null
  return e?.code === "23505" || /unique constraint|duplicate key|already exists/i.test(e?.message ?? "")
}

/** Two first writes for one owner (or one dedup key) race into the unique index: the loser runs again and finds the winner's row. */
async function retryOnUniqueViolation<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return run()
  }
}

export default RecommendationModuleService
