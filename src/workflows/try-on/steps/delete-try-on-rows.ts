import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRY_ON_MODULE } from "../../../modules/try-on"
import type TryOnModuleService from "../../../modules/try-on/service"

/**
 * Deletes try-on rows for good (not soft: nothing of a shopper's photo is kept), skipping any that
 * were kept meanwhile. Runs after their files are gone, so a failure leaves rows the next run
 * retries, never an unlisted photo.
 */
export const deleteTryOnRowsStep = createStep({ name: "delete-try-on-rows", noCompensation: true }, async (ids: string[], { container }) => {
  if (!ids.length) return new StepResponse([] as string[])
  const service = container.resolve<TryOnModuleService>(TRY_ON_MODULE)
  const still = await service.listTryOns({ id: ids, kept: false }, { select: ["id"], take: null })
  const doomed = still.map((r) => r.id)
  if (doomed.length) await service.deleteTryOns(doomed)
  return new StepResponse(doomed)
})
