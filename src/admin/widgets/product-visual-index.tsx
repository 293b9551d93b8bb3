import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { WidgetQueryStatus } from "../components/common/widget-query-status"
import { IMAGE_STATUS_COLOUR } from "../components/visual-search/describe"
import { ReindexProductButton } from "../components/visual-search/reindex-product-button"
import { useProductVisualIndex } from "../hooks/visual-search"
import { when } from "../lib/format"

/** On a product's page: each of its images in the photo search index (state, model, last error), and "Re-index this product". */
const ProductVisualIndexWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data: images, error, isPending } = useProductVisualIndex(product.id)

  return (
    <Container className="divide-y p-0" data-testid="product-visual-index">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Photo search index</Heading>
        <ReindexProductButton productId={product.id} />
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <WidgetQueryStatus
          error={error}
          isPending={isPending}
          items={images}
          emptyText="No images in the index yet. Images are queued when the product is saved with images."
        />
        {images?.map((image) => (
          <div key={image.image_id} className="flex items-start gap-x-3" data-image-id={image.image_id}>
            <img src={image.image_url} alt="" className="h-12 w-10 shrink-0 rounded object-cover" />
            <div className="flex min-w-0 flex-1 flex-col">
              <div className="flex items-center gap-x-2">
                <StatusBadge color={IMAGE_STATUS_COLOUR[image.status]}>{image.status}</StatusBadge>
                {image.model_version && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {image.model_version}
                  </Text>
                )}
              </div>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {image.status === "indexed"
                  ? `Indexed ${when(image.indexed_at ? String(image.indexed_at) : null)}`
                  : image.attempts
                    ? `${image.attempts} failed ${image.attempts === 1 ? "attempt" : "attempts"}${image.status === "pending" && image.next_attempt_at ? ` · next try ${when(String(image.next_attempt_at))}` : ""}`
                    : "Waiting for the indexer"}
              </Text>
              {image.last_error && (
                <Text size="xsmall" className="text-ui-fg-error break-words">
                  {image.last_error}
                </Text>
              )}
            </div>
          </div>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ProductVisualIndexWidget
