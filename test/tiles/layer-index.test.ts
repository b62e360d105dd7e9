import { constants, PerformanceObserver } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Layer } from '../../server/tiles/layer-catalog.ts'
import { COLLECT_AFTER_VERTICES, LayerIndex } from '../../server/tiles/layer-index.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

/** What Node.js reports of a garbage collection (`PerformanceEntry.detail` of kind gc). */
interface GcEntry {
  detail: { kind: number; flags: number }
}

const backend = BACKENDS[0]!

/**
 * Whether V8 reports a forced full collection after an index of `layer` is built. Its reports
 * reach observers some time after a collection: this waits up to `waitMs` for one.
 */
async function collectsAfterBuilding(
  server: TestServer,
  layer: Layer,
  vertices: number,
  waitMs: number,
) {
  let collected = false
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { kind, flags } = (entry as unknown as GcEntry).detail
      const forced = (flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR && forced) collected = true
    }
  })
  observer.observe({ entryTypes: ['gc'] })
  try {
    await new LayerIndex(server.db, layer, { maxTiles: 1e6, vertices }).ready()
    const deadline = performance.now() + waitMs
    while (!collected && performance.now() < deadline) await sleep(20)
  } finally {
    observer.disconnect()
  }
  return collected
}

describe(`a layer held in memory ${backend.title}`, () => {
  let server: TestServer
  let layer: Layer
  beforeAll(async () => {
    server = await startTestServer(backend, 'sample')
    // Nothing else builds an index while the test counts collections.
    await server.tilesPrepared()
    layer = (await server.catalog.list()).find((l) => l.name === 'control_units')!
  })
  afterAll(() => server?.close())

  it('collects the garbage of building a large layer at once, and not for a small one', async () => {
    const large = COLLECT_AFTER_VERTICES
    expect(await collectsAfterBuilding(server, layer, large, 5000)).toBe(true)
    expect(await collectsAfterBuilding(server, layer, large - 1, 500)).toBe(false)
  })
})
