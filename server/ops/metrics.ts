import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { TileCache } from '../cache/tile-cache.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'

export interface Metrics {
  registry: Registry
  requests: Counter<'route' | 'method' | 'status'>
  duration: Histogram<'route' | 'method'>
}

/**
 * The server's Prometheus metrics: requests by route pattern and status, latency, the tile
 * cache's counters, and each layer's data version. Labels come only from route patterns and the
 * catalogue, never from raw paths, so a client cannot make the label set grow.
 */
export function createMetrics(cache: TileCache, catalog: LayerCatalog): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })

  const requests = new Counter({
    name: 'ecozoning_http_requests_total',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'ecozoning_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern',
    labelNames: ['route', 'method'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })

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
    () => {
      return cache.stats().bytes
    },
  )

  new Gauge({
    name: 'ecozoning_layer_data_version',
    help: 'Data version of each layer',
    labelNames: ['layer'] as const,
    registers: [registry],
    async collect() {
      for (const layer of await catalog.list()) this.set({ layer: layer.name }, layer.dataVersion)
    },
  })

  return { registry, requests, duration }
}
