import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mlSidecar } from "../../../visual/ml-sidecar-client"
import { fetchImageBytes } from "../image-bytes"
import { IndexableImage, IndexableProduct, sameMetadata } from "../product-images"
import { visualService } from "./visual-service"

type ImageRow = { image_id: string; product_id: string }

export type PutImagesInSidecarInput = {
  products: IndexableProduct[]
  /** Rows to write. */
  to_index: ImageRow[]
  /** Indexed rows to write only when the sidecar's copy is missing or its metadata is out of date. */
  to_check: ImageRow[]
}

export type PutImagesResult = { indexed: number; failed: number; unchanged: number; last_error: string | null }

/** Images written at once: the sidecar embeds on its own cores, and the shop keeps the rest. */
const CONCURRENCY = 2

/** Writes of an image in flight in this process, by image id. */
const inFlight = new Map<string, Promise<void>>()

/**
 * Runs one write of an image at a time in this process (a product subscriber and the reconcile
 * job may reach the same image together); a later write waits for the earlier one and then
 * sees the sidecar's copy it left.
 */
async function oneWriteAtATime(imageId: string, run: () => Promise<void>): Promise<void> {
  const current = (inFlight.get(imageId) ?? Promise.resolve()).then(run)
  inFlight.set(imageId, current)
  try {
    await current
  } finally {
    if (inFlight.get(imageId) === current) inFlight.delete(imageId)
  }
}

async function eachWithConcurrency<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await run(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker))
}

/**
 * Writes images to the sidecar's index (PUT /v1/images/:id with the image's bytes and metadata)
 * and records each outcome: indexed with the sidecar's model version, or a failure with its
 * error and the next try after a backoff (recordFailure). Never throws for a sidecar or
 * download failure, so a product write that started this never fails because of it. No
 * compensation: an indexed image is what the catalog shows.
 */
export const putImagesInSidecarStep = createStep("put-images-in-sidecar", async (input: PutImagesInSidecarInput, { container }) => {
  const visual = visualService(container)
  const sidecar = mlSidecar()
  const wanted = new Map<string, IndexableImage>(input.products.flatMap((p) => p.images.map((image) => [image.image_id, image] as const)))
  const result: PutImagesResult = { indexed: 0, failed: 0, unchanged: 0, last_error: null }

  const fail = async (image_id: string, error: unknown) => {
    const message = (error as Error).message || String(error)
    result.failed++
    result.last_error = message
    await visual.recordFailure(image_id, message)
  }
  const put = async (image: IndexableImage) => {
    try {
      const bytes = await fetchImageBytes(image.url)
      const stored = await sidecar.putImage(image.image_id, bytes, image.metadata)
      await visual.recordIndexed(image.image_id, stored.model_version, image.url)
      result.indexed++
    } catch (error) {
      await fail(image.image_id, error)
    }
  }

  const finish = () => {
    if (result.failed) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`visual index: ${result.failed} image(s) not indexed, retried later (${result.last_error})`)
    }
    return new StepResponse(result)
  }
  const toIndex = new Set(input.to_index.map((r) => r.image_id))
  // A sidecar that cannot be reached would refuse every write: record that once per image instead of downloading each first.
  try {
    if (toIndex.size || input.to_check.length) await sidecar.health()
  } catch (error) {
    for (const image_id of new Set([...toIndex, ...input.to_check.map((r) => r.image_id)])) {
      if (wanted.has(image_id)) await fail(image_id, error)
    }
    return finish()
  }
  await eachWithConcurrency(
    input.to_check.filter((r) => !toIndex.has(r.image_id)),
    async (row) => {
      const image = wanted.get(row.image_id)
      if (!image) return
      await oneWriteAtATime(image.image_id, async () => {
        try {
          const held = await sidecar.getImage(row.image_id)
          if (held && sameMetadata(held.metadata, image.metadata)) {
            result.unchanged++
            return
          }
        } catch (error) {
          // The sidecar's copy may be out of date and cannot be checked now: retried as pending.
          await fail(row.image_id, error)
          return
        }
        await put(image)
      })
    }
  )
  await eachWithConcurrency([...toIndex], async (image_id) => {
    const image = wanted.get(image_id)
    if (image) await oneWriteAtATime(image_id, () => put(image))
  })

  return finish()
})
