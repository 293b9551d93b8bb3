import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Camera } from "@medusajs/icons"
import { LoadState } from "../../components/common/load-state"
import { IndexOverview } from "../../components/visual-search/index-overview"
import { RecentFailures } from "../../components/visual-search/recent-failures"
import { SearchAnalytics } from "../../components/visual-search/search-analytics"
import { useVisualIndex } from "../../hooks/visual-search"

/**
 * Search by photo: the catalog's images in the index (per model version, with the image
 * service's health), the images that failed with "Re-index this product", "Re-index all", and
 * shoppers' photo searches.
 */
const VisualSearchPage = () => {
  const { data: index, error, isPending } = useVisualIndex()

  return (
    <div className="flex flex-col gap-y-3">
      <LoadState error={error} isPending={isPending} />
      {index && <IndexOverview index={index} />}
      {index && <RecentFailures failures={index.failures} />}
      <SearchAnalytics />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Visual search",
  icon: Camera,
})

export default VisualSearchPage
