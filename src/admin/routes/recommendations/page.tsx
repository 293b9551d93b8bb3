import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles } from "@medusajs/icons"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import type { ReactNode } from "react"
import { EmptyTableRow } from "../../components/common/empty-table-row"
import { LoadState } from "../../components/common/load-state"
import { PeriodSelect } from "../../components/common/period-select"
import { useRecommendationStats } from "../../hooks/recommendations"
import { percent } from "../../lib/format"
import type { AdminRecommendationMoney, AdminRecommendationStatsResponse } from "../../../types/http/recommendations-admin"

const SURFACE_NAMES: Record<string, string> = {
  for_you: "For you",
  outfits: "Outfits",
  complete_the_look: "Complete the look",
  dress_me: "Dress me",
}

const REASON_NAMES: Record<string, string> = {
  sold_in_region: "Not sold in the region",
  size: "Not in stock in the shopper's size",
  item_budget: "Over the item budget",
  outfit_budget: "Outfit over the outfit budget",
  category: "Nothing in the category",
  feedback: "All dismissed by the shopper",
  composition: "No valid outfit",
}

const surfaceName = (surface: string) => SURFACE_NAMES[surface] ?? surface

/** "€1,234.50 · $89.00", or a dash. */
function money(amounts: AdminRecommendationMoney[]): string {
  if (!amounts.length) return "—"
  return amounts
    .map(({ currency_code, amount }) => {
      try {
        return new Intl.NumberFormat(undefined, { style: "currency", currency: currency_code.toUpperCase() }).format(amount)
      } catch {
        return `${amount.toFixed(2)} ${currency_code.toUpperCase()}`
      }
    })
    .join(" · ")
}

const Section = ({ title, detail, children }: { title: string; detail: string; children: ReactNode }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {detail}
      </Text>
    </div>
    {children}
  </Container>
)

const SurfaceTable = ({ stats }: { stats: AdminRecommendationStatsResponse }) => {
  const rows = [
    ...stats.surfaces.map((s) => ({ ...s, name: surfaceName(s.surface), key: s.surface })),
    { ...stats.totals, name: "All surfaces", key: "all" },
  ]
  const anything = stats.totals.impressions + stats.totals.clicks + stats.totals.add_to_cart + stats.totals.orders > 0
  return (
    <Table data-testid="recommendation-surfaces">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Surface</Table.HeaderCell>
          <Table.HeaderCell>Impressions</Table.HeaderCell>
          <Table.HeaderCell>Clicks</Table.HeaderCell>
          <Table.HeaderCell>Click-through</Table.HeaderCell>
          <Table.HeaderCell>Added to cart</Table.HeaderCell>
          <Table.HeaderCell>Orders</Table.HeaderCell>
          <Table.HeaderCell>Revenue</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {anything ? (
          rows.map((row) => (
            <Table.Row key={row.key} data-testid={`recommendation-surface-${row.key}`} className={row.key === "all" ? "font-medium" : undefined}>
              <Table.Cell>{row.name}</Table.Cell>
              <Table.Cell data-testid="impressions">{row.impressions}</Table.Cell>
              <Table.Cell data-testid="clicks">{row.clicks}</Table.Cell>
              <Table.Cell data-testid="click-through">{row.impressions ? percent(row.click_through_rate) : "—"}</Table.Cell>
              <Table.Cell data-testid="add-to-cart">{row.add_to_cart}</Table.Cell>
              <Table.Cell data-testid="orders">{row.orders}</Table.Cell>
              <Table.Cell data-testid="revenue">{money(row.revenue)}</Table.Cell>
            </Table.Row>
          ))
        ) : (
          <EmptyTableRow>No recommendations were shown, clicked or bought in the last {stats.days} days.</EmptyTableRow>
        )}
      </Table.Body>
    </Table>
  )
}

const Weights = ({ weights }: { weights: AdminRecommendationStatsResponse["weights"] }) => {
  const names = ["collaborative", "content", "knowledge"] as const
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="recommendation-weights">
      <div className="grid grid-cols-3 gap-4">
        {names.map((name) => (
          <div key={name} className="flex flex-col gap-y-1">
            <Text size="small" className="capitalize text-ui-fg-subtle">
              {name}
            </Text>
            <Text size="xlarge" weight="plus" data-testid={`weight-${name}`}>
              {weights.normalised[name].toFixed(2)}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted">
              default {weights.defaults[name].toFixed(2)}
            </Text>
          </div>
        ))}
      </div>
      <Text size="small" className="text-ui-fg-subtle" data-testid="weight-source">
        Blend: {weights.blend}.{" "}
        {weights.overridden_by.length
          ? `Set by ${weights.overridden_by.join(", ")}.`
          : "The tuned defaults: no RECOMMENDATION_WEIGHT_* variable is set."}
      </Text>
    </div>
  )
}

const Rejections = ({ stats }: { stats: AdminRecommendationStatsResponse }) => (
  <Table data-testid="recommendation-rejections">
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Reason</Table.HeaderCell>
        <Table.HeaderCell>Candidates rejected</Table.HeaderCell>
        <Table.HeaderCell>Answers left empty</Table.HeaderCell>
        <Table.HeaderCell>Per surface</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {stats.rejections.by_reason.map((r) => (
        <Table.Row key={r.reason} data-testid={`recommendation-rejection-${r.reason}`}>
          <Table.Cell>{REASON_NAMES[r.reason] ?? r.reason}</Table.Cell>
          <Table.Cell data-testid="rejected">{r.rejected}</Table.Cell>
          <Table.Cell data-testid="emptied">{r.emptied}</Table.Cell>
          <Table.Cell>
            {stats.rejections.by_surface
              .filter((s) => s.reason === r.reason)
              .map((s) => `${surfaceName(s.surface)} ${s.rejected}${s.emptied ? ` (${s.emptied} empty)` : ""}`)
              .join(" · ")}
          </Table.Cell>
        </Table.Row>
      ))}
      {stats.rejections.by_reason.length === 0 && (
        <EmptyTableRow>The size, budget and region constraints turned nothing away in the last {stats.days} days.</EmptyTableRow>
      )}
    </Table.Body>
  </Table>
)

/**
 * Recommendations: how each surface of the storefront did (impressions, click-through, add-to-cart, and the
 * orders and revenue attributed to it), the hybrid's weights as the shop ranks with them now, and what the
 * hard constraints (size, budget, region) turned away.
 */
const RecommendationsPage = () => {
  const [days, setDays] = useState(30)
  const { data: stats, error, isPending } = useRecommendationStats(days)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Recommendations</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What shoppers were recommended and what came of it, per UTC day.
          </Text>
        </div>
        <PeriodSelect days={days} onChange={setDays} />
      </Container>
      <LoadState error={error} isPending={isPending} />
      {stats && (
        <>
          <Section title="Surfaces" detail={stats.attribution.rule}>
            <SurfaceTable stats={stats} />
          </Section>
          <Section title="Weights" detail="How the hybrid ranker blends its scorers for every surface (normalised to sum to 1).">
            <Weights weights={stats.weights} />
          </Section>
          <Section title="Constraint rejections" detail="Candidates the hard constraints turned away, and answers they left empty (no_match).">
            <Rejections stats={stats} />
          </Section>
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Recommendations",
  icon: Sparkles,
})

export default RecommendationsPage
