import { Button, toast } from "@medusajs/ui"
import { useReindex } from "../../hooks/visual-search"
import { images } from "./describe"

/** "Re-index this product": its images wait for the indexer again, whatever their state. */
export const ReindexProductButton = ({ productId }: { productId: string }) => {
  const reindex = useReindex()
  return (
    <Button
      size="small"
      variant="secondary"
      isLoading={reindex.isPending}
      onClick={() =>
        reindex.mutate(productId, {
          onSuccess: ({ queued }) => toast.success(queued ? `${images(queued)} queued for indexing` : "Indexing the product's images"),
          onError: (error) => toast.error(error.message),
        })
      }
    >
      Re-index this product
    </Button>
  )
}
