import { constants, type PerformanceEntry } from 'node:perf_hooks'

/** What Node.js reports of a garbage collection (`PerformanceEntry.detail` of kind gc). */
interface GcDetail {
  kind: number
  flags: number
}

/** Whether a `gc` performance entry reports a full collection that was asked for. */
export function isForcedFullCollection(entry: PerformanceEntry): boolean {
  const { kind, flags } = (entry as unknown as { detail: GcDetail }).detail
  return (
    kind === constants.NODE_PERFORMANCE_GC_MAJOR &&
    (flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0
  )
}
