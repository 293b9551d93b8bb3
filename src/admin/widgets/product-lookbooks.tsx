import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { WidgetQueryStatus } from "../components/common/widget-query-status"
import { Link } from "react-router-dom"
import { useProductLookbooks } from "../hooks/lookbooks"
import { seasonLabel } from "../components/lookbooks/season-select"

/** On a product's page: the lookbooks whose looks feature the product, drafts included. */
const ProductLookbooksWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data: lookbooks, error, isPending } = useProductLookbooks(product.id)

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Lookbooks</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <WidgetQueryStatus error={error} isPending={isPending} items={lookbooks} emptyText="Not featured in any lookbook yet." />
        {lookbooks?.map((lookbook) => (
          <Link
            key={lookbook.id}
            to={`/lookbooks/${lookbook.id}`}
            className="flex items-center justify-between rounded p-1 hover:bg-ui-bg-base-hover"
          >
            <div>
              <Text size="small" weight="plus">
                {lookbook.title}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {lookbook.featured_look_count} {lookbook.featured_look_count === 1 ? "look" : "looks"}
                {lookbook.season ? ` · ${seasonLabel(lookbook.season)}` : ""}
              </Text>
            </div>
            <StatusBadge color={lookbook.status === "published" ? "green" : "grey"}>{lookbook.status}</StatusBadge>
          </Link>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductLookbooksWidget
