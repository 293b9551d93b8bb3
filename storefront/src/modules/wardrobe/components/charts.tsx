/*
 * Plain charts for the wardrobe stats: CSS bars and an SVG donut. Each chart carries its
 * numbers as text too (labels and values beside the bars, a legend for the donut).
 */

export type Bar = { label: string; value: number; display?: string; href?: string }

/** Horizontal bars scaled to the largest value. */
export function BarChart({ bars, label, testId }: { bars: Bar[]; label: string; testId?: string }) {
  const max = Math.max(...bars.map((b) => b.value), 0) || 1
  return (
    <ul className="bar-chart" aria-label={label} data-testid={testId}>
      {bars.map((b, i) => (
        <li key={`${b.label}-${i}`}>
          <span className="bar-chart__label" title={b.label}>
            {b.href ? <a href={b.href}>{b.label}</a> : b.label}
          </span>
          <span className="bar-chart__track" aria-hidden="true">
            <span className="bar-chart__bar" style={{ width: `${(b.value / max) * 100}%`, display: "block" }} />
          </span>
          <span className="bar-chart__value">{b.display ?? b.value}</span>
        </li>
      ))}
    </ul>
  )
}

// For slices without a colour of their own: distinguishable on white, all with at least 3:1 contrast against it.
const PALETTE = ["#1b1b1f", "#7a2e1f", "#2156c9", "#1f6b3a", "#8a5a00", "#6b3fa0", "#0f6e75", "#a3211a", "#4a4a55", "#b3478a"]
const OTHER = "#d5d3cd"

export type Slice = { label: string; count: number; percent: number; colour?: string | null }

/**
 * A donut of counts with a legend that states each slice's percent (the percents add up to 100).
 * A slice drawn in its own colour (a colour name's) keeps it; the rest take the palette.
 */
export function DonutChart({ slices, label, max = PALETTE.length }: { slices: Slice[]; label: string; max?: number }) {
  const radius = 15.9155 // circumference 100, so a share of 0.25 is a dash of 25
  const shown = slices.length > max ? slices.slice(0, max - 1) : slices
  const rest = slices.slice(shown.length)
  const all: Slice[] = rest.length
    ? [...shown, { label: "Other", count: rest.reduce((n, s) => n + s.count, 0), percent: rest.reduce((n, s) => n + s.percent, 0), colour: OTHER }]
    : shown
  let spare = 0
  const colours = all.map((s) => s.colour ?? PALETTE[spare++ % PALETTE.length])
  const total = all.reduce((n, s) => n + s.count, 0) || 1
  const lengths = all.map((s) => (s.count / total) * 100)
  // Each dash starts where the one before ended, from 12 o'clock (offset 25).
  const offsets = lengths.map((_, i) => 25 - lengths.slice(0, i).reduce((n, l) => n + l, 0))
  return (
    <figure className="mix-chart" style={{ margin: 0 }}>
      <svg viewBox="0 0 42 42" width="160" height="160" role="img" aria-label={`${label}: ${all.map((s) => `${s.label} ${s.percent}%`).join(", ")}`}>
        <circle cx="21" cy="21" r={radius} fill="none" stroke="#eee" strokeWidth="7" />
        {all.map((s, i) => (
          <circle
            key={s.label}
            cx="21"
            cy="21"
            r={radius}
            fill="none"
            stroke={colours[i]}
            strokeWidth="7"
            strokeDasharray={`${lengths[i]} ${100 - lengths[i]}`}
            strokeDashoffset={offsets[i]}
          />
        ))}
      </svg>
      <figcaption>
        <ul className="mix-legend">
          {all.map((s, i) => (
            <li key={s.label}>
              <span className="swatch" style={{ background: colours[i] }} aria-hidden="true" />
              {s.label}: {s.count} ({s.percent}%)
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}
