import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { lookbookService } from "./lookbook-service"

export type RetrievedLookbook = {
  id: string
  handle: string
  status: string
  cover_image_file_id: string | null
  looks: { id: string; image_file_id: string | null; position: number }[]
}

/** A lookbook with its looks' ids, positions and file ids, or 404. Reads only. */
export const retrieveLookbookStep = createStep("retrieve-lookbook", async (input: { id: string }, { container }) => {
  const [lookbook] = await lookbookService(container).listLookbooks(
    { id: input.id },
    { select: ["id", "handle", "status", "cover_image_file_id"], relations: ["looks"], take: 1 }
  )
  if (!lookbook) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lookbook with id: ${input.id} was not found`)
  const looks = (lookbook.looks ?? []).map((l) => ({ id: l.id, image_file_id: l.image_file_id ?? null, position: l.position }))
  const { id, handle, status, cover_image_file_id } = lookbook
  return new StepResponse({ id, handle, status, cover_image_file_id: cover_image_file_id ?? null, looks } satisfies RetrievedLookbook)
})

export type RetrievedLook = { id: string; lookbook_id: string; image_file_id: string | null; position: number }

/**
 * A look of the given lookbook, or 404 (a look of another lookbook answers as a missing one).
 * With `published_only`, a look of a draft lookbook is 404 too: the store's view of it. Reads only.
 */
export const retrieveLookStep = createStep(
  "retrieve-lookbook-look",
  async (input: { lookbook_id: string; look_id: string; published_only?: boolean }, { container }) => {
    const service = lookbookService(container)
    const [look] = await service.listLookbookLooks(
      { id: input.look_id, lookbook_id: input.lookbook_id },
      { select: ["id", "lookbook_id", "image_file_id", "position"], relations: ["lookbook"], take: 1 }
    )
    const visible = look && (!input.published_only || look.lookbook?.status === "published")
    if (!visible) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Look with id: ${input.look_id} was not found in lookbook ${input.lookbook_id}`)
    }
    return new StepResponse({
      id: look.id,
      lookbook_id: look.lookbook_id,
      image_file_id: look.image_file_id ?? null,
      position: look.position,
    } satisfies RetrievedLook)
  }
)
