import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

/** The value of one sample line of Prometheus text, by its name and labels as written. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('health and metrics', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture')
  })
  afterAll(() => server?.close())

  it('says the process is alive', async () => {
    const response = await server.get('/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', cache: { kind: 'memory', state: 'up' } })
  })

  it('counts tile cache hits and misses as the cache does', async () => {
    const path = '/tiles/control_units/10/830/430.mvt'
    await server.get(path)
    await server.get(path)
    await server.get(path)
    const text = await (await server.get('/metrics')).text()
    const stats = server.cache.stats()
    expect(stats.hits).toBeGreaterThanOrEqual(2)
    expect(sample(text, 'ecozoning_tile_cache_hits')).toBe(stats.hits)
    expect(sample(text, 'ecozoning_tile_cache_misses')).toBe(stats.misses)
    expect(sample(text, 'ecozoning_layer_data_version{layer="control_units"}')).toBe(1)
  })

  it('labels requests by route pattern, never by the raw path', async () => {
    await server.get('/api/lookup?lon=112.03&lat=27.03')
    await server.get('/api/a-path-nobody-routes-7f3a')
    const text = await (await server.get('/metrics')).text()
    expect(
      sample(text, 'ecozoning_http_requests_total{route="/api/lookup",method="GET",status="200"}'),
    ).toBeGreaterThanOrEqual(1)
    expect(text).not.toContain('7f3a')
  })
})
