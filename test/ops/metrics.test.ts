import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTransaction } from '../support/open-transaction.ts'
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

  it('still answers when the catalogue cannot be read, with the versions last read', async () => {
    await server.get('/metrics')
    await server.db.query('ALTER TABLE layers RENAME TO layers_away')
    try {
      const response = await server.get('/metrics')
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(sample(text, 'ecozoning_layer_data_version{layer="control_units"}')).toBe(1)
      expect(sample(text, 'ecozoning_db_connections_max')).toBe(1)
    } finally {
      await server.db.query('ALTER TABLE layers_away RENAME TO layers')
    }
  })
})

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`database connection metrics ${backend.title}`, () => {
    const poolSize = 4
    let server: TestServer
    beforeAll(async () => {
      // A catalogue kept for a minute: a scrape then reads nothing from the database, and the
      // connections counted are the test's own, and the server's LISTEN on PostgreSQL.
      // The sample loads before the server listens: no import runs in the background after.
      server = await startTestServer(backend, 'sample', {
        dbPoolSize: poolSize,
        catalogRefreshMs: 60_000,
      })
      await server.tilesPrepared()
      await server.get('/tiles')
    })
    afterAll(() => server?.close())

    const embedded = backend.name === 'embedded'
    const listening = embedded ? 0 : 1
    const max = embedded ? 1 : poolSize

    /**
     * Opens `count` transactions and holds them until the returned function is called. PGlite
     * runs one at a time: there the first holds its one connection and the others wait.
     */
    async function holdTransactions(count: number) {
      const first = await openTransaction(server.db)
      const more = Array.from({ length: count - 1 })
      if (embedded) {
        const waiting = more.map(() => server.db.transaction(async () => {}))
        return async () => {
          await first.release()
          await Promise.all(waiting)
        }
      }
      const others = await Promise.all(more.map(() => openTransaction(server.db)))
      return async () => {
        for (const transaction of [first, ...others]) await transaction.release()
      }
    }

    it('shows the connections busy with open transactions, and the most it opens', async () => {
      const release = await holdTransactions(2)
      try {
        const text = await (await server.get('/metrics')).text()
        const busy = embedded ? 1 : listening + 2
        expect(sample(text, 'ecozoning_db_connections{state="busy"}')).toBe(busy)
        expect(sample(text, 'ecozoning_db_connections_max')).toBe(max)
        expect(sample(text, 'ecozoning_db_waiting')).toBe(embedded ? 1 : 0)
        const idle = sample(text, 'ecozoning_db_connections{state="idle"}')!
        expect(idle).toBeGreaterThanOrEqual(0)
        expect(busy + idle).toBeLessThanOrEqual(max)
      } finally {
        await release()
      }
      const after = server.db.connectionUse()
      expect(after.busy).toBe(listening)
      expect(after.waiting).toBe(0)
    })

    it('counts the statements waiting for a connection', async () => {
      // Every connection taken: LISTEN and transactions on PostgreSQL, the one on PGlite.
      const release = await holdTransactions(embedded ? 1 : poolSize - listening)
      let waiting: Promise<unknown>[] = []
      try {
        waiting = [server.db.query('SELECT 1'), server.db.query('SELECT 2')]
        expect(server.db.connectionUse()).toEqual({ max, busy: max, idle: 0, waiting: 2 })
      } finally {
        await release()
        await Promise.all(waiting)
      }
      expect(server.db.connectionUse().waiting).toBe(0)
    })
  })
}
