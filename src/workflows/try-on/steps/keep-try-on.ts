import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRY_ON_MODULE } from "../../../modules/try-on"
import TryOnModuleService, { TRY_ON_RETENTION_MS, type TryOnDTO } from "../../../modules/try-on/service"

export type KeepTryOnStepInput = { id: string; customer_id: string }

/**
 * Marks a customer's own try-on kept, so the 24-hour deletion leaves it. Another customer's, a
 * guest's or an unknown one is the same 404: nobody learns that someone else's exists. One that has
 * passed its 24 hours is 404 too (the deletion job may already be removing it). Compensation
 * un-keeps it when it was not kept before.
 */
export const keepTryOnStep = createStep(
  "keep-try-on",
  async (input: KeepTryOnStepInput, { container }) => {
    const service = container.resolve<TryOnModuleService>(TRY_ON_MODULE)
    const [row] = await service.listTryOns({ id: input.id, customer_id: input.customer_id }, { take: 1 })
    const expired = row && !row.kept && new Date(row.created_at).getTime() < Date.now() - TRY_ON_RETENTION_MS
    if (!row || expired) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Try-on with id: ${input.id} was not found`)
    if (row.kept) return new StepResponse(row as TryOnDTO, null as string | null)
    const kept = await service.updateTryOns({ id: row.id, kept: true })
    return new StepResponse(kept as TryOnDTO, row.id as string | null)
  },
  async (id, { container }) => {
    if (id) await container.resolve<TryOnModuleService>(TRY_ON_MODULE).updateTryOns({ id, kept: false })
  }
)
