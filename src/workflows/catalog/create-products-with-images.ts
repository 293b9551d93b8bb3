import { CreateProductWorkflowInputDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"

export type ProductImageFile = {
  filename: string
  mimeType: string
  /** Base64-encoded file content. */
  content: string
}

export type CreateProductsWithImagesInput = {
  products: (Omit<CreateProductWorkflowInputDTO, "images" | "thumbnail"> & { image_files: ProductImageFile[] })[]
}

/**
 * Uploads product photos through Medusa's file module and creates the products
 * that show them, as one unit: if product creation fails, the upload step's
 * compensation deletes the files again, so no orphaned images are left behind.
 */
export const createProductsWithImagesWorkflow = createWorkflow("create-products-with-images", (input: CreateProductsWithImagesInput) => {
  const files = transform({ input }, ({ input }) =>
    input.products.flatMap((product) => product.image_files.map((file) => ({ ...file, access: "public" as const })))
  )

  const uploaded = uploadFilesWorkflow.runAsStep({ input: { files } })

  const products = transform({ input, uploaded }, ({ input, uploaded }) => {
    let next = 0
    return input.products.map(({ image_files, ...product }) => {
      const urls = image_files.map(() => uploaded[next++].url)
      return { ...product, thumbnail: urls[0], images: urls.map((url) => ({ url })) }
    })
  })

  const created = createProductsWorkflow.runAsStep({ input: { products } })
  return new WorkflowResponse(created)
})
