import { Context, InferTypeOf } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { INTERACTION_KINDS, InteractionKind } from "./constants"
import { Interaction, StyleProfile as StyleProfileModel } from "./models"
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
type Owner = { customer_id: string; guest_id?: undefined } | { guest_id: string; customer_id?: undefined }

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
class RecommendationModuleService extends MedusaService({ StyleProfile: StyleProfileModel, Interaction }) {
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

  /** Records interactions in one transaction; answers how many were recorded (keys already recorded are skipped). */
  async recordInteractions(inputs: RecordInteractionInput[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const rows = inputs.map(checkInteraction)
    if (!rows.length) return 0
    return retryOnUniqueViolation(() => this.recordInteractions_(rows, sharedContext))
  }

  // ------------------------------------------------------------------------------------------

  protected async upsertOwned(owner: Owner, input: StyleProfilePatch | Record<string, unknown>, sharedContext: Context): Promise<StyleProfile> {
    const patch = asPatch(input)
    return retryOnUniqueViolation(() => this.upsertOwned_(owner, patch, sharedContext))
  }

  @InjectTransactionManager()
  protected async upsertOwned_(owner: Owner, patch: StyleProfilePatch, @MedusaContext() sharedContext: Context = {}): Promise<StyleProfile> {
    const row = await this.findOwned_(owner, sharedContext)
    const next = applyPatch(row ? toStyleProfile(row) : emptyStyleProfile(), patch)
    const issues = profileIssues(next)
    if (issues.length) throw invalid(new StyleProfileValidationError(issues))
    return this.save_(owner, row, next, sharedContext)
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

  @InjectTransactionManager()
  protected async recordInteractions_(rows: RecordInteractionInput[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const keys = [...new Set(rows.map((r) => r.dedup_key).filter((k): k is string => !!k))]
    const recorded = new Set<string>()
    if (keys.length) {
      const existing = await this.listInteractions({ dedup_key: keys }, { select: ["dedup_key"] }, sharedContext)
      for (const r of existing) if (r.dedup_key) recorded.add(r.dedup_key)
    }
    const fresh = rows.filter((r) => {
      if (!r.dedup_key) return true
      if (recorded.has(r.dedup_key)) return false
      recorded.add(r.dedup_key)
      return true
    })
    if (fresh.length) await this.createInteractions(fresh as Parameters<typeof this.createInteractions>[0], sharedContext)
    return fresh.length
  }

  protected async findOwned_(owner: Owner, sharedContext: Context): Promise<StyleProfileRow | null> {
    const filter = owner.customer_id ? { customer_id: owner.customer_id } : { guest_id: owner.guest_id }
    const [row] = await this.listStyleProfiles(filter, { take: 1 }, sharedContext)
    return (row as StyleProfileRow | undefined) ?? null
  }

  protected async save_(owner: Owner, row: StyleProfileRow | null, profile: StyleProfile, sharedContext: Context): Promise<StyleProfile> {
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
