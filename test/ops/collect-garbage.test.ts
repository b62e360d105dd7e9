import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { collectGarbage } from '../../server/ops/collect-garbage.ts'

/** The garbage collections V8 reports while `run` runs, and a moment after. */
async function collectionsDuring(run: () => unknown): Promise<PerformanceEntry[]> {
  const seen: PerformanceEntry[] = []
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()))
  observer.observe({ entryTypes: ['gc'] })
  try {
    await run()
    // Entries reach observers asynchronously.
    await sleep(50)
  } finally {
    observer.disconnect()
  }
  return seen
}

const isForcedFull = (entry: PerformanceEntry) => {
  const { kind, flags } = entry.detail as { kind: number; flags: number }
  return (
    kind === constants.NODE_PERFORMANCE_GC_MAJOR &&
    (flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0
  )
}

describe('a full garbage collection on demand', () => {
  it('runs one, without a flag on the command line or a global gc left behind', async () => {
    const globalBefore = typeof (globalThis as { gc?: unknown }).gc
    let ran: boolean | undefined
    const seen = await collectionsDuring(() => (ran = collectGarbage()))
    expect(ran).toBe(true)
    expect(seen.filter(isForcedFull)).toHaveLength(1)
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe(globalBefore)
  })

  it('runs again each time it is asked', async () => {
    const seen = await collectionsDuring(() => {
      collectGarbage()
      collectGarbage()
    })
    expect(seen.filter(isForcedFull)).toHaveLength(2)
  })
})
