import { Context, InferTypeOf } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { Lookbook, LookbookHotspot, LookbookLook, LookbookLookView } from "./models"
import { FileSwapResult, swapFileReference } from "../../files/file-swap"
import { sqlManagerOf } from "../../utils/module-sql"

/** A lookbook's cover image reference. */
export type LookbookCover = { id: string; cover_image_url: string | null; cover_image_file_id: string | null }

/** A look's image reference and pixel size. */
export type LookImage = { id: string; lookbook_id: string; image_url: string; image_file_id: string | null; width: number; height: number }

export type LookCounters = { id: string; view_count: number; add_to_cart_count: number }

export type LookbookLookDTO = InferTypeOf<typeof LookbookLook>

/** A hotspot checked against the catalog, ready to store. */
export type NewHotspot = { x: number; y: number; variant_id: string; product_id: string; position: number }

/** A new look of a lookbook: its image and where it goes (after the last look when position is absent). */
export type NewLook = Omit<LookImage, "id"> & { notes?: string | null; position?: number; hotspots: NewHotspot[] }

/** What replacing a look's hotspots did, for undoing it. */
export type ReplacedHotspots = { removed_ids: string[]; created_ids: string[] }

/** A reported view: the look's counts after it, and whether it counted (first of its viewer and period). */
export type RecordedLookView = LookCounters & { counted: boolean; period_start: Date }

/**
 * Lookbooks, their looks and hotspots. Generated CRUD (listLookbooks, createLookbookLooks,
 * softDeleteLookbookHotspots, ...) comes from MedusaService; keys follow the entity names so
 * that query.graph finds list<Key>s on this service.
 */
class LookbookModuleService extends MedusaService({
  Lookbook,
  LookbookLook,
  LookbookHotspot,
  LookbookLookView,
}) {
  /**
   * Adds to a look's view and add-to-cart counters in one UPDATE that reads and writes the row
   * under its lock: a read-modify-write through the ORM would lose counts when shoppers act at
   * the same moment. Negative amounts undo (workflow compensations) and never go below zero.
   * Returns the new counts, or null when the look does not exist (or is deleted).
   */
  @InjectManager()
  async incrementLookCounters(
    lookId: string,
    by: { views?: number; add_to_cart?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LookCounters | null> {
    const views = Math.trunc(by.views ?? 0)
    const addToCart = Math.trunc(by.add_to_cart ?? 0)
    const rows = await sqlManagerOf(sharedContext).execute<LookCounters>(
      `UPDATE "lookbook_look"
          SET "view_count" = GREATEST("view_count" + ?, 0),
              "add_to_cart_count" = GREATEST("add_to_cart_count" + ?, 0)
        WHERE "id" = ? AND "deleted_at" IS NULL
        RETURNING "id", "view_count", "add_to_cart_count"`,
      [views, addToCart, lookId]
    )
    const row = rows[0]
    return row ? { id: row.id, view_count: Number(row.view_count), add_to_cart_count: Number(row.add_to_cart_count) } : null
  }

  /**
   * Counts a view of a look once per viewer and period: the view is inserted under the unique
   * (look, viewer, period) index and the look's counter goes up only if the insert happened, in
   * one transaction, so repeated or concurrent reports of the same view count once. The period
   * is the fixed window of `period_ms` holding `at` (default: the database's clock, one clock for
   * every instance). The look's views of earlier periods are deleted on the way: they no longer
   * decide anything. Returns null when the look does not exist (or is deleted).
   */
  @InjectTransactionManager()
  async recordLookView(
    input: { look_id: string; viewer_key: string; period_ms: number; at?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedLookView | null> {
    const manager = sqlManagerOf(sharedContext)
    const periodSeconds = Math.max(1, Math.round(input.period_ms / 1000))
    const [{ period_start }] = await manager.execute<{ period_start: Date }>(
      `SELECT to_timestamp(floor(extract(epoch from coalesce(?::timestamptz, now())) / ?) * ?) AS period_start`,
      [input.at ?? null, periodSeconds, periodSeconds]
    )
    await manager.execute(`DELETE FROM "lookbook_look_view" WHERE "look_id" = ? AND "period_start" < ?`, [input.look_id, period_start])
    const inserted = await manager.execute(
      `INSERT INTO "lookbook_look_view" ("id", "look_id", "viewer_key", "period_start")
       SELECT ?, "id", ?, ? FROM "lookbook_look" WHERE "id" = ? AND "deleted_at" IS NULL
       ON CONFLICT DO NOTHING
       RETURNING "id"`,
      [generateEntityId(undefined, "lkbkview"), input.viewer_key, period_start, input.look_id]
    )
    const counted = inserted.length > 0
    const rows = counted
      ? await manager.execute<LookCounters>(
          `UPDATE "lookbook_look" SET "view_count" = "view_count" + 1
            WHERE "id" = ? AND "deleted_at" IS NULL
            RETURNING "id", "view_count", "add_to_cart_count"`,
          [input.look_id]
        )
      : await manager.execute<LookCounters>(
          `SELECT "id", "view_count", "add_to_cart_count" FROM "lookbook_look" WHERE "id" = ? AND "deleted_at" IS NULL`,
          [input.look_id]
        )
    const row = rows[0]
    if (!row) return null
    return {
      id: row.id,
      view_count: Number(row.view_count),
      add_to_cart_count: Number(row.add_to_cart_count),
      counted,
      period_start: new Date(period_start),
    }
  }

  /** Undoes a counted view (a workflow compensation): its row goes and the counter comes down by one. */
  @InjectTransactionManager()
  async forgetLookView(
    input: { look_id: string; viewer_key: string; period_start: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sqlManagerOf(sharedContext)
    const deleted = await manager.execute(
      `DELETE FROM "lookbook_look_view" WHERE "look_id" = ? AND "viewer_key" = ? AND "period_start" = ? RETURNING "id"`,
      [input.look_id, input.viewer_key, input.period_start]
    )
    if (deleted.length) {
      await manager.execute(`UPDATE "lookbook_look" SET "view_count" = GREATEST("view_count" - 1, 0) WHERE "id" = ?`, [input.look_id])
    }
  }

  /**
   * Creates a look with its hotspots in one transaction, after the lookbook's last look unless a
   * position is given: a failure part way leaves neither behind. Undone by deleteLookbookLooks,
   * whose cascade takes the hotspots.
   */
  @InjectTransactionManager()
  async createLookWithHotspots(input: NewLook, @MedusaContext() sharedContext: Context = {}): Promise<LookbookLookDTO> {
    const { hotspots, position, ...fields } = input
    let at = position
    if (at === undefined) {
      const [last] = await this.listLookbookLooks(
        { lookbook_id: input.lookbook_id },
        { select: ["position"], order: { position: "DESC" }, take: 1 },
        sharedContext
      )
      at = last ? last.position + 1 : 0
    }
    const look = await this.createLookbookLooks({ ...fields, notes: fields.notes ?? null, position: at }, sharedContext)
    if (hotspots.length)
      await this.createLookbookHotspots(
        hotspots.map((h) => ({ ...h, look_id: look.id })),
        sharedContext
      )
    return look
  }

  /** Replaces a look's hotspots in one transaction: the old ones soft-deleted (an undo brings exactly them back), the new ones created. */
  @InjectTransactionManager()
  async replaceLookHotspots(lookId: string, hotspots: NewHotspot[], @MedusaContext() sharedContext: Context = {}): Promise<ReplacedHotspots> {
    const old = await this.listLookbookHotspots({ look_id: lookId }, { select: ["id"], take: null }, sharedContext)
    const removed_ids = old.map((h) => h.id)
    if (removed_ids.length) await this.softDeleteLookbookHotspots(removed_ids, {}, sharedContext)
    const created = hotspots.length
      ? await this.createLookbookHotspots(
          hotspots.map((h) => ({ ...h, look_id: lookId })),
          sharedContext
        )
      : []
    return { removed_ids, created_ids: created.map((h) => h.id) }
  }

  /** Undoes replaceLookHotspots in one transaction. */
  @InjectTransactionManager()
  async undoReplaceLookHotspots(replaced: ReplacedHotspots, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (replaced.created_ids.length) await this.deleteLookbookHotspots(replaced.created_ids, sharedContext)
    if (replaced.removed_ids.length) await this.restoreLookbookHotspots(replaced.removed_ids, {}, sharedContext)
  }

  /**
   * Points a lookbook at a new cover image and answers the cover it had, whose file the caller
   * deletes once this has committed; the row is locked for the swap (see swapFileReference).
   * `expected_file_id` makes it conditional, for a compensation putting the old cover back.
   */
  @InjectTransactionManager()
  async replaceLookbookCover(
    input: { id: string; cover_image_url: string | null; cover_image_file_id: string | null; expected_file_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FileSwapResult<LookbookCover>> {
    return swapFileReference<LookbookCover>(
      sharedContext,
      {
        table: "lookbook",
        where: { id: input.id },
        file_id_column: "cover_image_file_id",
        columns: ["id", "cover_image_url", "cover_image_file_id"],
        not_found: `Lookbook with id: ${input.id}`,
      },
      input.expected_file_id,
      () =>
        this.updateLookbooks({ id: input.id, cover_image_url: input.cover_image_url, cover_image_file_id: input.cover_image_file_id }, sharedContext)
    )
  }

  /**
   * Points a look of a lookbook at a new image (with its pixel size) and answers the image it had,
   * whose file the caller deletes once this has committed; the row is locked for the swap (see
   * swapFileReference). `expected_file_id` makes it conditional, as for the cover.
   */
  @InjectTransactionManager()
  async replaceLookImage(
    input: LookImage & { expected_file_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FileSwapResult<LookImage>> {
    return swapFileReference<LookImage>(
      sharedContext,
      {
        table: "lookbook_look",
        where: { id: input.id, lookbook_id: input.lookbook_id },
        file_id_column: "image_file_id",
        columns: ["id", "lookbook_id", "image_url", "image_file_id", "width", "height"],
        not_found: `Look with id: ${input.id}`,
      },
      input.expected_file_id,
      () =>
        this.updateLookbookLooks(
          { id: input.id, image_url: input.image_url, image_file_id: input.image_file_id, width: input.width, height: input.height },
          sharedContext
        )
    )
  }
}

export default LookbookModuleService
