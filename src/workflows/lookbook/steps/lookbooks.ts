import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { firstFreeHandle, handleFromTitle } from "../../../modules/lookbook/handles"
import { LookbookFields } from "../types"
import { lookbookService } from "./lookbook-service"
import { LookbookCover } from "../../../modules/lookbook/service"
import { createSwapFileStep } from "../../files/swap-file-step"

/**
 * The handle a lookbook will have: the one given (refused when another live lookbook holds it),
 * or one made from the title (with -2, -3, ... when taken). Reads only; the unique index on
 * handle stays the last word when two requests race.
 */
export const resolveLookbookHandleStep = createStep(
  "resolve-lookbook-handle",
  async (input: { id?: string; handle?: string; title?: string }, { container }) => {
    const service = lookbookService(container)
    if (input.handle) {
      const [holder] = await service.listLookbooks({ handle: input.handle }, { select: ["id"], take: 1 })
      if (holder && holder.id !== input.id) {
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Lookbook with handle: ${input.handle}, already exists.`)
      }
      return new StepResponse(input.handle)
    }
    if (!input.title) return new StepResponse(undefined as string | undefined)
    const base = handleFromTitle(input.title) || "lookbook"
    const similar = await service.listLookbooks({ handle: { $like: `${base}%` } }, { select: ["id", "handle"], take: null })
    const taken = new Set(similar.filter((l) => l.id !== input.id).map((l) => l.handle))
    return new StepResponse(firstFreeHandle(base, taken) as string | undefined)
  }
)

export type LookbookData = LookbookFields & {
  cover_image_url?: string | null
  cover_image_file_id?: string | null
  published_at?: Date | null
}

/** Creates a lookbook, after the existing ones unless a position is given; compensation deletes it. */
export const createLookbookStep = createStep(
  "create-lookbook",
  async (data: LookbookData & { title: string; handle: string }, { container }) => {
    const service = lookbookService(container)
    let position = data.position
    if (position === undefined) {
      const [last] = await service.listLookbooks({}, { select: ["position"], order: { position: "DESC" }, take: 1 })
      position = last ? last.position + 1 : 0
    }
    const created = await service.createLookbooks({ ...data, position })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await lookbookService(container).deleteLookbooks([id])
  }
)

/**
 * Updates one lookbook; publishing stamps published_at the first time. Compensation writes back
 * the previous values of every field it changed.
 */
export const updateLookbookStep = createStep(
  "update-lookbook",
  async (input: { id: string; data: LookbookData }, { container }) => {
    const service = lookbookService(container)
    const data: LookbookData = { ...input.data }
    const fields = Object.keys(data) as (keyof LookbookData)[]
    const previous = await service.retrieveLookbook(input.id, { select: ["id", "status", "published_at", ...fields] })
    if (data.status === "published" && !previous.published_at) data.published_at = new Date()
    const changed = Object.keys(data) as (keyof LookbookData)[]
    const updated = await service.updateLookbooks({ id: input.id, ...data })
    const before: LookbookData & { id: string } = { id: input.id, ...Object.fromEntries(changed.map((field) => [field, previous[field] ?? null])) }
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (before) await lookbookService(container).updateLookbooks(before)
  }
)

/** Soft-deletes lookbooks with their looks and hotspots; compensation restores them. */
export const softDeleteLookbooksStep = createStep(
  "soft-delete-lookbooks",
  async (ids: string[], { container }) => {
    await lookbookService(container).softDeleteLookbooks(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await lookbookService(container).restoreLookbooks(ids)
  }
)

/** Swaps a lookbook's cover under a row lock and answers the file it replaced (see createSwapFileStep). */
export const replaceLookbookCoverStep = createSwapFileStep<LookbookCover>("replace-lookbook-cover", "cover_image_file_id", (container, input) =>
  lookbookService(container).replaceLookbookCover(input)
)
