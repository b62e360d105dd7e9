/** Summary of a set of measurements, in their own unit. */
export interface Summary {
  count: number
  min: number
  median: number
  max: number
  /** (max − min) / median: how far apart the runs landed; 0 for a single run. */
  spread: number
}

/**
 * The p-th percentile (0 ≤ p ≤ 100) of the values by the nearest-rank method: the smallest value
 * with at least p% of the values at or below it, so it is always one of the measurements.
 * Undefined for no values. The input is not changed.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`p must be between 0 and 100, got ${p}.`)
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]
}

/** The median: the middle value, or the mean of the two middle ones. Undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Count, extremes, median and relative spread; undefined for no values. */
export function summarise(values: readonly number[]): Summary | undefined {
  const middle = median(values)
  if (middle === undefined) return undefined
  const min = Math.min(...values)
  const max = Math.max(...values)
  return { count: values.length, min, median: middle, max, spread: (max - min) / middle }
}
