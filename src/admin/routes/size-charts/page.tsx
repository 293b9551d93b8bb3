import { defineRouteConfig } from "@medusajs/admin-sdk"
import { TablePen } from "@medusajs/icons"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { SizeChartEditor } from "../../components/size-charts/size-chart-editor"
import { useSizeCharts } from "../../hooks/size-charts"

/**
 * Size charts: per product category (and per brand where a brand cuts differently), the body
 * measurements each size is made for. Size advice on the product pages reads them; an edit here
 * changes the advice at once.
 */
const SizeChartsPage = () => {
  const { data, error, isPending } = useSizeCharts()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = data?.size_charts.find((c) => c.id === selectedId) ?? null

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Size charts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Body measurements per size. A brand&apos;s own chart wins over its category&apos;s. Choose a chart to edit its rows.
          </Text>
        </div>
        {error && (
          <Text size="small" className="px-6 py-4 text-ui-fg-error">
            {error.message}
          </Text>
        )}
        {isPending && (
          <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
            Loading…
          </Text>
        )}
        {data && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Chart</Table.HeaderCell>
                <Table.HeaderCell>Category</Table.HeaderCell>
                <Table.HeaderCell>Brand</Table.HeaderCell>
                <Table.HeaderCell>Sizes</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.size_charts.map((chart) => (
                <Table.Row
                  key={chart.id}
                  className={chart.id === selectedId ? "bg-ui-bg-highlight cursor-pointer" : "cursor-pointer"}
                  onClick={() => setSelectedId(chart.id)}
                >
                  <Table.Cell>{chart.name}</Table.Cell>
                  <Table.Cell>{chart.category?.name ?? chart.category_id}</Table.Cell>
                  <Table.Cell>{chart.brand ?? "All brands"}</Table.Cell>
                  <Table.Cell>{chart.sizes.map((r) => r.size).join(", ")}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
      {selected && <SizeChartEditor key={`${selected.id}-${selected.updated_at}`} chart={selected} />}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Size charts",
  icon: TablePen,
})

export default SizeChartsPage
