/** Nearest-rank percentile of a list of numbers (NaN for an empty list); the list is not changed. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

module.exports = { percentile }
