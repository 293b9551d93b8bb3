import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRY_ON_MODULE } from "../../../modules/try-on"
import type TryOnModuleService from "../../../modules/try-on/service"
import type { TryOnDTO } from "../../../modules/try-on/service"

export type CreateTryOnStepInput = {
  customer_id: string | null
  variant_id: string
  size: string | null
  photo_file_id: string
  result_file_id: string
  placement: Record<string, unknown>
}

/** Records a try-on; compensation deletes the row again. */
export const createTryOnStep = createStep(
  "create-try-on",
  async (input: CreateTryOnStepInput, { container }) => {
    const created = await container.resolve<TryOnModuleService>(TRY_ON_MODULE).createTryOns(input)
    return new StepResponse(created as TryOnDTO, created.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<TryOnModuleService>(TRY_ON_MODULE).deleteTryOns([id])
  }
)
