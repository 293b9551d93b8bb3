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

// Distinguishable on white, all with at least 3:1 contrast against it.
const PALETTE = ["#1b1b1f", "#7a2e1f", "#2156c9", "#1f6b3a", "#8a5a00", "#6b3fa0", "#0f6e75", "#a3211a", "#4a4a55", "#b3478a"]

/** A donut of shares (0–1) with a legend that states each share in words. */
export function DonutChart({ slices, label }: { slices: { label: string; count: number; share: number }[]; label: string }) {
  const radius = 15.9155 // circumference 100, so a share of 0.25 is a dash of 25
  const shown = slices.slice(0, PALETTE.length - 1)
  const rest = slices.slice(PALETTE.length - 1)
  const all = rest.length
    ? [...shown, { label: "Other", count: rest.reduce((n, s) => n + s.count, 0), share: rest.reduce((n, s) => n + s.share, 0) }]
    : shown
  const total = all.reduce((n, s) => n + s.share, 0) || 1
  const lengths = all.map((s) => (s.share / total) * 100)
  // Each dash starts where the one before ended, from 12 o'clock (offset 25).
  const offsets = lengths.map((_, i) => 25 - lengths.slice(0, i).reduce((n, l) => n + l, 0))
  return (
    <figure className="mix-chart" style={{ margin: 0 }}>
      <svg
        viewBox="0 0 42 42"
        width="160"
        height="160"
        role="img"
        aria-label={`${label}: ${all.map((s) => `${s.label} ${Math.round(s.share * 100)}%`).join(", ")}`}
      >
        <circle cx="21" cy="21" r={radius} fill="none" stroke="#eee" strokeWidth="7" />
        {all.map((s, i) => (
          <circle
            key={s.label}
            cx="21"
            cy="21"
            r={radius}
            fill="none"
            stroke={PALETTE[i % PALETTE.length]}
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
              <span className="swatch" style={{ background: PALETTE[i % PALETTE.length] }} aria-hidden="true" />
              {s.label}: {s.count} ({Math.round(s.share * 100)}%)
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}
