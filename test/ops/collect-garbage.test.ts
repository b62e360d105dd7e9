import { PerformanceObserver } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { collectGarbage } from '../../server/ops/collect-garbage.ts'
import { isForcedFullCollection } from '../support/forced-collection.ts'

/**
 * The forced full collections V8 reports after `run`. Its reports reach observers some time
 * after a collection: this waits until `expected` have come, or two seconds, and then a little
 * longer, for any beyond those expected.
 */
async function forcedCollectionsAfter(run: () => unknown, expected: number): Promise<number> {
  let forced = 0
  const observer = new PerformanceObserver((list) => {
    forced += list.getEntries().filter(isForcedFullCollection).length
  })
  observer.observe({ entryTypes: ['gc'] })
  try {
    await run()
    const deadline = performance.now() + 2000
    while (forced < expected && performance.now() < deadline) await sleep(20)
    await sleep(100)
  } finally {
    observer.disconnect()
  }
  return forced
}

describe('a full garbage collection on demand', () => {
  it('runs one, without a flag on the command line or a global gc left behind', async () => {
    const globalBefore = typeof (globalThis as { gc?: unknown }).gc
    let ran: boolean | undefined
    const forced = await forcedCollectionsAfter(() => (ran = collectGarbage()), 1)
    expect(ran).toBe(true)
    expect(forced).toBe(1)
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe(globalBefore)
  })

  it('runs again each time it is asked', async () => {
    const forced = await forcedCollectionsAfter(() => {
      collectGarbage()
      collectGarbage()
    }, 2)
    expect(forced).toBe(2)
  })
})
