import type { Metadata } from "next"
import Link from "next/link"
import { getStats, type ItemWearStats } from "@lib/data/wardrobe"
import { formatMoney } from "@lib/util/money"
import { BarChart, DonutChart } from "@modules/wardrobe/components/charts"
import { colourHex } from "@modules/wardrobe/colours"
import WardrobeNav from "@modules/wardrobe/components/wardrobe-nav"

export const metadata: Metadata = { title: "Wardrobe stats" }

const times = (n: number) => `${n}×`

const TOO_LITTLE = "Too little data yet: wear some pieces more often than others and they are compared here."

export default async function StatsPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const stats = await getStats(countryCode)
  const itemHref = (i: ItemWearStats) => `/${countryCode}/wardrobe/items/${i.id}`
  const worn = [...stats.items].sort((a, b) => b.times_worn - a.times_worn || a.name.localeCompare(b.name))
  const costed = stats.items.filter((i) => i.cost_per_wear !== null && i.currency_code).sort((a, b) => b.cost_per_wear! - a.cost_per_wear!)
  return (
    <>
      <h1>Wardrobe stats</h1>
      <WardrobeNav countryCode={countryCode} current="stats" />
      {!stats.item_count ? (
        <div className="empty-state">
          <h2>No stats yet</h2>
          <p>Add what you own and mark what you wear: your most and least worn pieces and cost per wear appear here.</p>
          <Link href={`/${countryCode}/wardrobe/items/new`} className="button">
            Add an item
          </Link>
        </div>
      ) : (
        <>
          <ul className="stats-tiles" aria-label="Totals">
            <li>
              <strong data-testid="stat-items">{stats.item_count}</strong> items
            </li>
            <li>
              <strong data-testid="stat-wears">{stats.wear_count}</strong> wears logged
            </li>
            <li>
              <strong data-testid="stat-outfits">{stats.outfit_count}</strong> outfits
            </li>
            {stats.total_spent.map((t) => (
              <li key={t.currency_code}>
                <strong>{formatMoney(t.amount, t.currency_code)}</strong> spent
              </li>
            ))}
            <li>
              <strong>{stats.not_worn_recently.length}</strong> not worn in {stats.not_worn_days} days
            </li>
          </ul>
          {!stats.wear_count ? (
            <p className="notice">Nothing is marked worn yet. Open an item or outfit and choose “Mark as worn” to start the wear log.</p>
          ) : null}
          <div className="stats-grid">
            <section aria-labelledby="times-worn-heading">
              <h2 id="times-worn-heading">Times worn</h2>
              <BarChart
                bars={worn.slice(0, 12).map((i) => ({ label: i.name, value: i.times_worn, display: times(i.times_worn), href: itemHref(i) }))}
                label="Times worn per item, most worn first"
                testId="chart-times-worn"
              />
              {worn.length > 12 ? <p className="muted">The 12 most worn of {worn.length} items.</p> : null}
            </section>
            <section aria-labelledby="cpw-heading">
              <h2 id="cpw-heading">Cost per wear</h2>
              {costed.length ? (
                <BarChart
                  bars={costed.slice(0, 12).map((i) => ({
                    label: i.name,
                    value: i.cost_per_wear!,
                    display: formatMoney(i.cost_per_wear!, i.currency_code!),
                    href: itemHref(i),
                  }))}
                  label="Cost per wear per item, highest first"
                  testId="chart-cost-per-wear"
                />
              ) : (
                <p className="muted">Add the price you paid to items you wear to see what each wear costs.</p>
              )}
            </section>
            <section aria-labelledby="most-heading">
              <h2 id="most-heading">Most worn</h2>
              {stats.most_worn.length ? (
                <ol data-testid="most-worn">
                  {stats.most_worn.map((i) => (
                    <li key={i.id}>
                      <Link href={itemHref(i)}>{i.name}</Link>: {times(i.times_worn)}
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="muted" data-testid="most-worn-empty">
                  {TOO_LITTLE}
                </p>
              )}
            </section>
            <section aria-labelledby="least-heading">
              <h2 id="least-heading">Least worn</h2>
              {stats.least_worn.length ? (
                <ol data-testid="least-worn">
                  {stats.least_worn.map((i) => (
                    <li key={i.id}>
                      <Link href={itemHref(i)}>{i.name}</Link>: {times(i.times_worn)}
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="muted" data-testid="least-worn-empty">
                  {TOO_LITTLE}
                </p>
              )}
            </section>
            <section aria-labelledby="colour-heading">
              <h2 id="colour-heading">Colours</h2>
              {stats.colour_mix.length ? (
                <DonutChart
                  slices={stats.colour_mix.map((c) => ({ label: c.value, count: c.count, percent: c.percent, colour: colourHex(c.value) }))}
                  label="Colour mix"
                />
              ) : (
                <p className="muted">Add colours to your items to see the mix.</p>
              )}
            </section>
            <section aria-labelledby="category-heading">
              <h2 id="category-heading">Categories</h2>
              {stats.category_mix.length ? (
                <BarChart
                  bars={stats.category_mix.map((c) => ({ label: c.value, value: c.count, display: `${c.count} (${c.percent}%)` }))}
                  label="Items per category"
                />
              ) : (
                <p className="muted">Add categories to your items to see the mix.</p>
              )}
            </section>
          </div>
          <section aria-labelledby="not-worn-heading" className="section">
            <h2 id="not-worn-heading">Not worn in {stats.not_worn_days} days</h2>
            {stats.not_worn_recently.length ? (
              <>
                <p className="muted">Wear them, style them into an outfit, or pass them on.</p>
                <ul className="chip-list" data-testid="not-worn">
                  {stats.not_worn_recently.map((i) => (
                    <li key={i.id}>
                      <Link className="chip" href={itemHref(i)}>
                        {i.name}
                        {i.last_worn_on ? ` · last ${i.last_worn_on}` : " · never"}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>Everything you have owned for {stats.not_worn_days} days has been worn in that time. Well done.</p>
            )}
          </section>
        </>
      )}
    </>
  )
}
