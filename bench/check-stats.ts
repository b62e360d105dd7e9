import type { CheckPass, CheckRecord } from './check-client.ts'
import { percentile } from './sample-stats.ts'

/** What a set of checks measured. Latencies are over the checks done (200 with a verdict). */
export interface CheckSummary {
  /** Checks sent. */
  checks: number
  /** Answered 200 with a verdict. */
  done: number
  /** Nearest-rank percentiles and mean of the latency, milliseconds; NaN when none was done. */
  p50: number
  p95: number
  p99: number
  mean: number
  /** Checks sent per second of the passes' wall time, all answers counted. */
  perSecond: number
  /** Mean number of units an answer places the site in. */
  unitsPerSite: number
}

/** Summarises the records of one or more passes, their wall times added up. Pure. */
export function summariseChecks(passes: Pick<CheckPass, 'records' | 'ms'>[]): CheckSummary {
  const records = passes.flatMap((pass) => pass.records)
  const done = records.filter(isDone)
  const ms = done.map((record) => record.ms)
  const wallMs = passes.reduce((sum, pass) => sum + pass.ms, 0)
  const units = done.map((record) => record.units ?? 0)
  return {
    checks: records.length,
    done: done.length,
    p50: percentile(ms, 50) ?? NaN,
    p95: percentile(ms, 95) ?? NaN,
    p99: percentile(ms, 99) ?? NaN,
    mean: mean(ms),
    perSecond: wallMs > 0 ? (records.length * 1000) / wallMs : NaN,
    unitsPerSite: mean(units),
  }
}

/** Whether the check came back as it should: 200 with a verdict. */
export function isDone(record: CheckRecord): boolean {
  return record.status === 200 && record.verdict !== undefined
}

/** How often each verdict came, and each problem, most frequent first. Pure. */
export function countOutcomes(records: CheckRecord[]): {
  verdicts: [string, number][]
  problems: [string, number][]
} {
  const tally = (values: string[]) => {
    const counts = new Map<string, number>()
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  }
  return {
    verdicts: tally(records.flatMap((r) => (isDone(r) ? [r.verdict!] : []))),
    problems: tally(records.flatMap((r) => (isDone(r) ? [] : [r.problem ?? `${r.status}`]))),
  }
}

function mean(values: number[]): number {
  return values.length > 0 ? values.reduce((sum, v) => sum + v, 0) / values.length : NaN
}
