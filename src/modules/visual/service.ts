import { Context, InferTypeOf } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { sqlManagerOf } from "../../utils/module-sql"
import { VISUAL_INDEX_BACKOFF_BASE_SECONDS, VISUAL_INDEX_BACKOFF_MAX_SECONDS, VISUAL_INDEX_MAX_ATTEMPTS } from "./constants"
import { VisualImage, VisualSearch, VisualSearchClick } from "./models"

export type VisualImageDTO = InferTypeOf<typeof VisualImage>

/** A product image as the catalog has it now. */
export type ProductImageRef = { image_id: string; url: string }

/** What syncing a product's images changed: rows to (re)index in the sidecar, and deleted rows whose images the sidecar must drop. */
export type ProductImageSync = { toIndex: VisualImageDTO[]; removed: VisualImageDTO[] }

export type VisualIndexStats = { model_version: string | null; indexed: number; pending: number; failed: number }

export type VisualSearchDay = { date: string; searches: number; no_garment: number; no_purchasable: number; clicks: number; clicked_searches: number }

export type VisualSearchAnalytics = {
  days: VisualSearchDay[]
  totals: Omit<VisualSearchDay, "date"> & { click_through_rate: number }
}

const IMAGE_COLUMNS = `"id", "product_id", "image_id", "image_url", "model_version", "status", "attempts", "last_error",
  "next_attempt_at", "indexed_at", "created_at", "updated_at", "deleted_at"`

const toCount = (value: unknown) => Number(value ?? 0)

/** A list as one bound value (the driver would spread an array into a list of values, and `IN ()` cannot be empty): `= ANY(${TEXT_LIST})`. */
const TEXT_LIST = "ARRAY(SELECT jsonb_array_elements_text(?::jsonb))"
const textList = (values: string[]) => JSON.stringify(values)

/** Raw rows carry counts as strings and attempts as numbers already; the shape of the generated DTO. */
const imageRow = (row: Record<string, unknown>) => ({ ...row, attempts: toCount(row.attempts) }) as unknown as VisualImageDTO

/**
 * The visual search domain: the index state of every catalog image in the ML sidecar, and the
 * analytics of shoppers' photo searches. Generated CRUD (listVisualImages, createVisualSearches,
 * ...) comes from MedusaService; keys follow the entity names so that query.graph finds them.
 */
class VisualModuleService extends MedusaService({
  VisualImage,
  VisualSearch,
  VisualSearchClick,
}) {
  /**
   * Brings a product's rows in line with its images now: a new image, or one whose URL changed,
   * becomes pending (attempts and errors reset) and comes back in `toIndex`; rows of images the
   * product no longer has are deleted and come back in `removed` so that the caller deletes them
   * from the sidecar. Removed rows stay soft-deleted until `forgetRemovedImages` (after the
   * sidecar dropped them), so that a removal the sidecar missed is retried (`removalsDue`).
   * Pass no images for a deleted or unpublished product. Syncs of one product
   * run one after the other (a transaction-scoped lock), so concurrent events cannot insert an
   * image twice.
   */
  @InjectTransactionManager()
  async syncProductImages(product_id: string, images: ProductImageRef[], @MedusaContext() sharedContext: Context = {}): Promise<ProductImageSync> {
    const manager = sqlManagerOf(sharedContext)
    await manager.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`visual_image:${product_id}`])
    const wanted = new Map(images.map((i) => [i.image_id, i.url]))
    const rows = (
      await manager.execute<Record<string, unknown>>(
        `SELECT ${IMAGE_COLUMNS} FROM "visual_image"
          WHERE "deleted_at" IS NULL AND ("product_id" = ? OR "image_id" = ANY(${TEXT_LIST}))`,
        [product_id, textList([...wanted.keys()])]
      )
    ).map(imageRow)
    const byImage = new Map(rows.map((r) => [r.image_id, r]))

    const gone = rows.filter((r) => r.product_id === product_id && !wanted.has(r.image_id))
    const removed = gone.length
      ? (
          await manager.execute<Record<string, unknown>>(
            `UPDATE "visual_image" SET "deleted_at" = now(), "updated_at" = now() WHERE "id" = ANY(${TEXT_LIST}) RETURNING ${IMAGE_COLUMNS}`,
            [textList(gone.map((r) => r.id))]
          )
        ).map(imageRow)
      : []
    const toIndex: VisualImageDTO[] = []
    const created = [...wanted].filter(([image_id]) => !byImage.has(image_id))
    if (created.length) {
      // An image back in the catalog before the sidecar dropped it: the pending removal must not delete the new copy.
      await manager.execute(`DELETE FROM "visual_image" WHERE "deleted_at" IS NOT NULL AND "image_id" = ANY(${TEXT_LIST})`, [
        textList(created.map(([image_id]) => image_id)),
      ])
      toIndex.push(
        ...(await this.createVisualImages(
          created.map(([image_id, url]) => ({ product_id, image_id, image_url: url, status: "pending" as const, attempts: 0 })),
          sharedContext
        ))
      )
    }
    const changed = rows.filter((r) => wanted.has(r.image_id) && (r.image_url !== wanted.get(r.image_id) || r.product_id !== product_id))
    for (const row of changed) {
      const [updated] = await manager.execute<Record<string, unknown>>(
        `UPDATE "visual_image"
            SET "product_id" = ?, "image_url" = ?, "status" = 'pending', "attempts" = 0, "last_error" = NULL,
                "next_attempt_at" = NULL, "updated_at" = now()
          WHERE "id" = ?
          RETURNING ${IMAGE_COLUMNS}`,
        [product_id, wanted.get(row.image_id), row.id]
      )
      toIndex.push(imageRow(updated))
    }
    return { toIndex, removed }
  }

  /**
   * The sidecar holds the image now, embedded by `model_version`. With `image_url`, only if the
   * row still points at that URL: an image replaced while it was being indexed stays pending.
   */
  @InjectManager()
  async recordIndexed(
    image_id: string,
    model_version: string,
    image_url?: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<VisualImageDTO | null> {
    const [row] = await sqlManagerOf(sharedContext).execute<Record<string, unknown>>(
      `UPDATE "visual_image"
          SET "status" = 'indexed', "model_version" = ?, "attempts" = 0, "last_error" = NULL, "next_attempt_at" = NULL,
              "indexed_at" = now(), "updated_at" = now()
        WHERE "image_id" = ? AND "deleted_at" IS NULL AND (?::text IS NULL OR "image_url" = ?)
        RETURNING ${IMAGE_COLUMNS}`,
      [model_version, image_id, image_url ?? null, image_url ?? null]
    )
    return row ? imageRow(row) : null
  }

  /**
   * A sidecar write failed: one more attempt, the error kept for the admin, and the next try after
   * 5 s · 2^(attempts before), at most 10 minutes. The VISUAL_INDEX_MAX_ATTEMPTS-th failure makes
   * the image `failed` (no automatic retry). One UPDATE, so concurrent failures all count.
   */
  @InjectManager()
  async recordFailure(image_id: string, message: string, @MedusaContext() sharedContext: Context = {}): Promise<VisualImageDTO | null> {
    const [row] = await sqlManagerOf(sharedContext).execute<Record<string, unknown>>(
      `UPDATE "visual_image"
          SET "attempts" = "attempts" + 1,
              "last_error" = ?,
              "status" = CASE WHEN "attempts" + 1 >= ? THEN 'failed' ELSE 'pending' END,
              "next_attempt_at" = CASE WHEN "attempts" + 1 >= ? THEN NULL
                                       ELSE now() + least(? * power(2, "attempts"), ?) * interval '1 second' END,
              "updated_at" = now()
        WHERE "image_id" = ? AND "deleted_at" IS NULL
        RETURNING ${IMAGE_COLUMNS}`,
      [
        message.slice(0, 2000),
        VISUAL_INDEX_MAX_ATTEMPTS,
        VISUAL_INDEX_MAX_ATTEMPTS,
        VISUAL_INDEX_BACKOFF_BASE_SECONDS,
        VISUAL_INDEX_BACKOFF_MAX_SECONDS,
        image_id,
      ]
    )
    return row ? imageRow(row) : null
  }

  /**
   * Pending images whose next try is due (never tried first, then the longest waiting), of the
   * given products only when `product_ids` is given. Failed ones wait for a reindex.
   */
  @InjectManager()
  async dueForIndexing(limit: number, product_ids?: string[], @MedusaContext() sharedContext: Context = {}): Promise<VisualImageDTO[]> {
    const rows = await sqlManagerOf(sharedContext).execute<Record<string, unknown>>(
      `SELECT ${IMAGE_COLUMNS} FROM "visual_image"
        WHERE "deleted_at" IS NULL AND "status" = 'pending' AND ("next_attempt_at" IS NULL OR "next_attempt_at" <= now())
          AND (?::jsonb IS NULL OR "product_id" = ANY(${TEXT_LIST}))
        ORDER BY "next_attempt_at" ASC NULLS FIRST, "created_at" ASC
        LIMIT ?`,
      [product_ids ? textList(product_ids) : null, product_ids ? textList(product_ids) : "[]", Math.max(0, Math.trunc(limit))]
    )
    return rows.map(imageRow)
  }

  /** Images removed from the catalog (rows soft-deleted by syncProductImages) that the sidecar may still hold. */
  @InjectManager()
  async removalsDue(limit: number, @MedusaContext() sharedContext: Context = {}): Promise<VisualImageDTO[]> {
    const rows = await sqlManagerOf(sharedContext).execute<Record<string, unknown>>(
      `SELECT ${IMAGE_COLUMNS} FROM "visual_image" WHERE "deleted_at" IS NOT NULL ORDER BY "deleted_at" ASC LIMIT ?`,
      [Math.max(0, Math.trunc(limit))]
    )
    return rows.map(imageRow)
  }

  /** The sidecar dropped these removed images: their rows go for good. Rows not removed are left alone. */
  @InjectManager()
  async forgetRemovedImages(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    if (!ids.length) return 0
    const rows = await sqlManagerOf(sharedContext).execute(
      `DELETE FROM "visual_image" WHERE "deleted_at" IS NOT NULL AND "id" = ANY(${TEXT_LIST}) RETURNING "id"`,
      [textList(ids)]
    )
    return rows.length
  }

  /**
   * Queues images for indexing again (pending, attempts 0, due now): one product's, the given
   * images, or every image. Returns how many.
   */
  @InjectManager()
  async requestReindex(selector: { product_id?: string; image_ids?: string[] } = {}, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const conditions = [`"deleted_at" IS NULL`]
    const params: unknown[] = []
    if (selector.product_id) {
      conditions.push(`"product_id" = ?`)
      params.push(selector.product_id)
    }
    if (selector.image_ids) {
      conditions.push(`"image_id" = ANY(${TEXT_LIST})`)
      params.push(textList(selector.image_ids))
    }
    const rows = await sqlManagerOf(sharedContext).execute(
      `UPDATE "visual_image"
          SET "status" = 'pending', "attempts" = 0, "last_error" = NULL, "next_attempt_at" = NULL, "updated_at" = now()
        WHERE ${conditions.join(" AND ")}
        RETURNING "id"`,
      params
    )
    return rows.length
  }

  /** Queues for reindexing the indexed images that another model version than `model_version` embedded. Returns how many. */
  @InjectManager()
  async requestReindexOutdated(model_version: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const rows = await sqlManagerOf(sharedContext).execute(
      `UPDATE "visual_image"
          SET "status" = 'pending', "attempts" = 0, "last_error" = NULL, "next_attempt_at" = NULL, "updated_at" = now()
        WHERE "deleted_at" IS NULL AND "status" = 'indexed' AND "model_version" IS DISTINCT FROM ?
        RETURNING "id"`,
      [model_version]
    )
    return rows.length
  }

  /** Images per model version and status (the version that last indexed them; null: never indexed). */
  @InjectManager()
  async indexStats(@MedusaContext() sharedContext: Context = {}): Promise<VisualIndexStats[]> {
    const rows = await sqlManagerOf(sharedContext).execute<Record<string, unknown>>(
      `SELECT "model_version",
              count(*) FILTER (WHERE "status" = 'indexed') AS indexed,
              count(*) FILTER (WHERE "status" = 'pending') AS pending,
              count(*) FILTER (WHERE "status" = 'failed') AS failed
         FROM "visual_image"
        WHERE "deleted_at" IS NULL
        GROUP BY "model_version"
        ORDER BY "model_version" ASC NULLS FIRST`
    )
    return rows.map((r) => ({
      model_version: (r.model_version as string | null) ?? null,
      indexed: toCount(r.indexed),
      pending: toCount(r.pending),
      failed: toCount(r.failed),
    }))
  }

  /** Images whose last sidecar write failed (pending with a retry ahead, or failed), most recent first. */
  @InjectManager()
  async recentFailures(limit: number, @MedusaContext() sharedContext: Context = {}): Promise<VisualImageDTO[]> {
    const rows = await sqlManagerOf(sharedContext).execute<Record<string, unknown>>(
      `SELECT ${IMAGE_COLUMNS} FROM "visual_image"
        WHERE "deleted_at" IS NULL AND "last_error" IS NOT NULL
        ORDER BY "updated_at" DESC, "id" ASC
        LIMIT ?`,
      [Math.max(0, Math.trunc(limit))]
    )
    return rows.map(imageRow)
  }

  /**
   * Visual searches per UTC day over the last `days` days (today included, days without searches
   * as zeros): searches, photos with no garment found, searches with a garment but no purchasable
   * result, clicks on results and searches with at least one click; and the totals with the
   * click-through rate (clicked searches / searches).
   */
  @InjectManager()
  async searchAnalytics(days: number, @MedusaContext() sharedContext: Context = {}): Promise<VisualSearchAnalytics> {
    const span = Math.min(Math.max(Math.trunc(days) || 1, 1), 366)
    const rows = await sqlManagerOf(sharedContext).execute<Record<string, unknown>>(
      `WITH day AS (
         SELECT generate_series((now() AT TIME ZONE 'UTC')::date - (? - 1), (now() AT TIME ZONE 'UTC')::date, interval '1 day')::date AS date
       ), search AS (
         SELECT s."id", (s."created_at" AT TIME ZONE 'UTC')::date AS date, s."garment_found", s."purchasable_count",
                (SELECT count(*) FROM "visual_search_click" c WHERE c."search_id" = s."id" AND c."deleted_at" IS NULL) AS clicks
           FROM "visual_search" s
          WHERE s."deleted_at" IS NULL AND s."created_at" >= ((now() AT TIME ZONE 'UTC')::date - (? - 1)) AT TIME ZONE 'UTC'
       )
       SELECT to_char(day.date, 'YYYY-MM-DD') AS date,
              count(search."id") AS searches,
              count(search."id") FILTER (WHERE NOT search."garment_found") AS no_garment,
              count(search."id") FILTER (WHERE search."garment_found" AND search."purchasable_count" = 0) AS no_purchasable,
              coalesce(sum(search.clicks), 0) AS clicks,
              count(search."id") FILTER (WHERE search.clicks > 0) AS clicked_searches
         FROM day LEFT JOIN search ON search.date = day.date
        GROUP BY day.date
        ORDER BY day.date ASC`,
      [span, span]
    )
    const perDay: VisualSearchDay[] = rows.map((r) => ({
      date: String(r.date),
      searches: toCount(r.searches),
      no_garment: toCount(r.no_garment),
      no_purchasable: toCount(r.no_purchasable),
      clicks: toCount(r.clicks),
      clicked_searches: toCount(r.clicked_searches),
    }))
    const sum = (key: keyof Omit<VisualSearchDay, "date">) => perDay.reduce((total, d) => total + d[key], 0)
    const searches = sum("searches")
    const clickedSearches = sum("clicked_searches")
    return {
      days: perDay,
      totals: {
        searches,
        no_garment: sum("no_garment"),
        no_purchasable: sum("no_purchasable"),
        clicks: sum("clicks"),
        clicked_searches: clickedSearches,
        click_through_rate: searches ? clickedSearches / searches : 0,
      },
    }
  }
}

export default VisualModuleService
