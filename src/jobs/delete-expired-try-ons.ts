import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TRY_ON_MODULE } from "../modules/try-on"
import type TryOnModuleService from "../modules/try-on/service"
import { deleteTryOnsWorkflow } from "../workflows/try-on"

/** Try-ons deleted per workflow run. */
const BATCH = 100

/**
 * Deletes every try-on older than 24 hours that nobody kept: its photo and result files, then its
 * row. `now` is for tests. Answers how many were deleted.
 */
export async function deleteExpiredTryOns(container: MedusaContainer, now = new Date()): Promise<number> {
  const service = container.resolve<TryOnModuleService>(TRY_ON_MODULE)
  let deleted = 0
  while (true) {
    const expired = await service.listExpiredTryOns(now, BATCH)
    if (!expired.length) break
    const { result } = await deleteTryOnsWorkflow(container).run({
      input: { try_ons: expired.map((t) => ({ id: t.id, photo_file_id: t.photo_file_id, result_file_id: t.result_file_id })) },
    })
    deleted += result.length
    // Nothing deleted (all kept meanwhile) or the last page: done.
    if (!result.length || expired.length < BATCH) break
  }
  if (deleted) container.resolve(ContainerRegistrationKeys.LOGGER).info(`try-on: ${deleted} expired try-on(s) deleted with their photos`)
  return deleted
}

/** Every 15 minutes: a shopper's photo lives at most 24 hours and a quarter unless they kept it. */
export default async function deleteExpiredTryOnsJob(container: MedusaContainer) {
  await deleteExpiredTryOns(container)
}

export const config = {
  name: "delete-expired-try-ons",
  schedule: "*/15 * * * *",
}
