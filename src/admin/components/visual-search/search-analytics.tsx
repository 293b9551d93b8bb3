import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useVisualAnalytics } from "../../hooks/visual-search"
import { percent } from "../../lib/format"
import { shareOf } from "./describe"
import { EmptyTableRow } from "../common/empty-table-row"
import { PeriodSelect } from "../common/period-select"

const Stat = ({ label, value, detail, testId }: { label: string; value: string | number; detail?: string; testId: string }) => (
  <div className="flex flex-col gap-y-1">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="xlarge" weight="plus" data-testid={testId}>
      {value}
    </Text>
    {detail && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {detail}
      </Text>
    )}
  </div>
)

/**
 * Shoppers' photo searches over the chosen span: searches per day as bars, photos with no garment
 * found, searches with nothing purchasable, and how often a result was opened.
 */
export const SearchAnalytics = () => {
  const [span, setSpan] = useState(30)
  const { data, error } = useVisualAnalytics(span)
  const days = data?.days ?? []
  const totals = data?.totals
  const busiest = Math.max(1, ...days.map((day) => day.searches))
  const withSearches = days.filter((day) => day.searches > 0).reverse()

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Search analytics</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Photo searches and "similar items" in the storefront, per day (UTC).
          </Text>
        </div>
        <PeriodSelect days={span} onChange={setSpan} />
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error.message}
        </Text>
      )}
      {totals && (
        <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
          <Stat label="Searches" value={totals.searches} testId="visual-analytics-searches" />
          <Stat
            label="No garment found"
            value={totals.no_garment}
            detail={totals.searches ? `${shareOf(totals.no_garment, totals.searches)} of searches` : undefined}
            testId="visual-analytics-no-garment"
          />
          <Stat
            label="No purchasable result"
            value={totals.no_purchasable}
            detail={totals.searches ? `${shareOf(totals.no_purchasable, totals.searches)} of searches` : undefined}
            testId="visual-analytics-no-purchasable"
          />
          <Stat
            label="Result click-through"
            value={totals.searches ? percent(totals.click_through_rate) : "—"}
            detail={`${totals.clicked_searches} searches with a click · ${totals.clicks} clicks`}
            testId="visual-analytics-click-through"
          />
        </div>
      )}
      {totals && totals.searches > 0 && (
        <div className="px-6 py-4">
          <div className="flex h-24 items-end gap-px" role="img" aria-label={`Searches per day over the last ${span} days`}>
            {days.map((day) => (
              <div
                key={day.date}
                title={`${day.date}: ${day.searches} searches`}
                className="bg-ui-fg-interactive min-w-px flex-1 rounded-t-sm"
                style={{ height: `${(day.searches / busiest) * 100}%`, opacity: day.searches ? 1 : 0 }}
              />
            ))}
          </div>
          <div className="flex justify-between pt-1">
            <Text size="xsmall" className="text-ui-fg-muted">
              {days[0].date}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted">
              {days[days.length - 1].date}
            </Text>
          </div>
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Day</Table.HeaderCell>
            <Table.HeaderCell>Searches</Table.HeaderCell>
            <Table.HeaderCell>No garment found</Table.HeaderCell>
            <Table.HeaderCell>No purchasable result</Table.HeaderCell>
            <Table.HeaderCell>Click-through</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {withSearches.map((day) => (
            <Table.Row key={day.date}>
              <Table.Cell>{day.date}</Table.Cell>
              <Table.Cell>
                <div className="flex items-center gap-x-2">
                  <span className="w-8 text-right">{day.searches}</span>
                  <div className="bg-ui-fg-interactive h-2 rounded-sm" style={{ width: `${(day.searches / busiest) * 120}px` }} />
                </div>
              </Table.Cell>
              <Table.Cell>{day.no_garment}</Table.Cell>
              <Table.Cell>{day.no_purchasable}</Table.Cell>
              <Table.Cell>{shareOf(day.clicked_searches, day.searches)}</Table.Cell>
            </Table.Row>
          ))}
          {data && withSearches.length === 0 && <EmptyTableRow>No photo searches in the last {span} days.</EmptyTableRow>}
        </Table.Body>
      </Table>
    </Container>
  )
}
