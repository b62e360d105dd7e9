import { Gauge, Registry, collectDefaultMetrics } from 'prom-client'
import type { TileCache } from '../cache/tile-cache.ts'
import type { Database } from '../db/database.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'
import { RequestMetrics } from './request-metrics.ts'

export interface Metrics {
  registry: Registry
  /** Requests by route pattern, method and status, with their latency. */
  requests: RequestMetrics
}

/**
 * The server's Prometheus metrics: requests by route pattern and status, latency, the tile
 * cache's counters, the database connections' use, and each layer's data version. Labels come
 * only from route patterns and the catalogue, never from raw paths, so a client cannot make the
 * label set grow.
 */
export function createMetrics(
  cache: TileCache,
  catalog: LayerCatalog,
  db: Pick<Database, 'connectionUse'>,
): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })

  const requests = new RequestMetrics(registry)

  const cacheGauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read())
      },
    })
  cacheGauge('ecozoning_tile_cache_hits', 'Tile cache hits since start', () => cache.stats().hits)
  cacheGauge('ecozoning_tile_cache_misses', 'Tile cache misses since start', () => {
    return cache.stats().misses
  })
  cacheGauge(
    'ecozoning_tile_cache_bytes',
    'Bytes the tile cache holds (memory) or wrote (Redis)',
    () => cache.stats().bytes,
  )
  cacheGauge(
    'ecozoning_tile_cache_memory_bytes',
    "Bytes of tiles held in this process's memory, alone or in front of Redis",
    () => cache.stats().memoryBytes,
  )
  cacheGauge(
    'ecozoning_tile_cache_errors',
    'Tile cache reads and writes that failed since start (Redis away); tiles were still served',
    () => cache.stats().errors,
  )

  new Gauge({
    name: 'ecozoning_db_connections',
    help: 'Database connections by state: busy (a statement, a transaction or LISTEN) or idle',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const use = db.connectionUse()
      this.set({ state: 'busy' }, use.busy)
      this.set({ state: 'idle' }, use.idle)
    },
  })
  new Gauge({
    name: 'ecozoning_db_connections_max',
    help: 'The most database connections this server opens (1 on the embedded database)',
    registers: [registry],
    collect() {
      this.set(db.connectionUse().max)
    },
  })
  new Gauge({
    name: 'ecozoning_db_waiting',
    help: 'Statements and transactions waiting for a database connection',
    registers: [registry],
    collect() {
      this.set(db.connectionUse().waiting)
    },
  })

  new Gauge({
    name: 'ecozoning_layer_data_version',
    help: 'Data version of each layer',
    labelNames: ['layer'] as const,
    registers: [registry],
    async collect() {
      // While the database is away the versions last read stay: a scrape must not fail then,
      // when the connection gauges matter most.
      const layers = await catalog.list().catch(() => [])
      for (const layer of layers) this.set({ layer: layer.name }, layer.dataVersion)
    },
  })

  return { registry, requests }
}
