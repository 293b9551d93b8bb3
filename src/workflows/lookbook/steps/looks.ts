import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { HotspotRow } from "../types"
import { lookbookService } from "./lookbook-service"
import { LookImage } from "../../../modules/lookbook/service"
import { createSwapFileStep } from "../../files/swap-file-step"

export type CreateLookStepInput = {
  lookbook_id: string
  image_url: string
  image_file_id: string | null
  width: number
  height: number
  notes?: string | null
  /** Where the look goes; after the last look when absent. */
  position?: number
  hotspots: HotspotRow[]
}

/**
 * Creates a look and its hotspots (one transaction in the lookbook module). Compensation deletes
 * the look, its hotspots with it by the foreign key's cascade.
 */
export const createLookStep = createStep(
  "create-lookbook-look",
  async (input: CreateLookStepInput, { container }) => {
    const look = await lookbookService(container).createLookWithHotspots(input)
    return new StepResponse(look, look.id)
  },
  async (id, { container }) => {
    if (id) await lookbookService(container).deleteLookbookLooks([id])
  }
)

export type UpdateLookStepInput = {
  id: string
  data: { notes?: string | null; image_url?: string; image_file_id?: string | null; width?: number; height?: number }
}

/** Updates one look; compensation writes back the previous values. */
export const updateLookStep = createStep(
  "update-lookbook-look",
  async (input: UpdateLookStepInput, { container }) => {
    const service = lookbookService(container)
    const fields = Object.keys(input.data) as (keyof UpdateLookStepInput["data"])[]
    const previous = await service.retrieveLookbookLook(input.id, { select: ["id", ...fields] })
    const updated = await service.updateLookbookLooks({ id: input.id, ...input.data })
    const before = { id: input.id, ...Object.fromEntries(fields.map((field) => [field, previous[field] ?? null])) }
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (before) await lookbookService(container).updateLookbookLooks(before)
  }
)

/** Swaps a look's image under a row lock and answers the file it replaced (see createSwapFileStep). */
export const replaceLookImageStep = createSwapFileStep<LookImage>("replace-lookbook-look-image", "image_file_id", (container, input) =>
  lookbookService(container).replaceLookImage(input)
)

/** Soft-deletes looks with their hotspots; compensation restores them. */
export const softDeleteLooksStep = createStep(
  "soft-delete-lookbook-looks",
  async (ids: string[], { container }) => {
    await lookbookService(container).softDeleteLookbookLooks(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await lookbookService(container).restoreLookbookLooks(ids)
  }
)

/**
 * Puts a lookbook's looks in the order given (positions 0..n-1). The list must name every look
 * of the lookbook exactly once. Compensation writes back the previous positions.
 */
export const reorderLooksStep = createStep(
  "reorder-lookbook-looks",
  async (input: { lookbook_id: string; look_ids: string[] }, { container }) => {
    const service = lookbookService(container)
    const looks = await service.listLookbookLooks({ lookbook_id: input.lookbook_id }, { select: ["id", "position"], take: null })
    const current = new Set(looks.map((l) => l.id))
    const given = new Set(input.look_ids)
    const unknown = input.look_ids.filter((id) => !current.has(id))
    const absent = looks.map((l) => l.id).filter((id) => !given.has(id))
    if (unknown.length || absent.length || given.size !== input.look_ids.length) {
      const problems = [
        unknown.length ? `not looks of this lookbook: ${unknown.join(", ")}` : "",
        absent.length ? `missing: ${absent.join(", ")}` : "",
        given.size !== input.look_ids.length ? "a look is named twice" : "",
      ].filter(Boolean)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `look_ids must list every look of the lookbook once (${problems.join("; ")})`)
    }
    const before = looks.map((l) => ({ id: l.id, position: l.position }))
    if (input.look_ids.length) {
      await service.updateLookbookLooks(input.look_ids.map((id, position) => ({ id, position })))
    }
    return new StepResponse(input.look_ids, before)
  },
  async (before, { container }) => {
    if (before?.length) await lookbookService(container).updateLookbookLooks(before)
  }
)

/**
 * Adds to a look's counters atomically (see the service). Compensation takes the same amounts
 * off again, so a failed add-to-cart is not counted.
 */
export const incrementLookCountersStep = createStep(
  "increment-lookbook-look-counters",
  async (input: { look_id: string; views?: number; add_to_cart?: number }, { container }) => {
    const counters = await lookbookService(container).incrementLookCounters(input.look_id, input)
    if (!counters) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Look with id: ${input.look_id} was not found`)
    return new StepResponse(counters, input)
  },
  async (input, { container }) => {
    if (!input) return
    await lookbookService(container).incrementLookCounters(input.look_id, {
      views: -(input.views ?? 0),
      add_to_cart: -(input.add_to_cart ?? 0),
    })
  }
)
