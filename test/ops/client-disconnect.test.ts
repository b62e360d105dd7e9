import { request } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureLog } from '../support/log-capture.ts'
import { openTransaction } from '../support/open-transaction.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

// Tiles over the fixture's district (112.0–112.2°E × 27.0–27.1°N), none cut yet. Each is asked
// for once: at zoom 12 two of these longitudes fall in one tile, and a tile asked for twice
// would count two hits later for a cut that only one of its abandoned requests was seen making.
const TILES = [
  ...new Set(
    [12, 13, 14].flatMap((z) =>
      [112.02, 112.07, 112.12, 112.17].map(
        (lon) => `/tiles/zoning/${z}/${lonToTileX(lon, z)}/${latToTileY(27.05, z)}.mvt`,
      ),
    ),
  ),
]

describe('clients that hang up mid-request', () => {
  const { log, lines } = captureLog()
  let server: TestServer
  let port: number
  beforeAll(async () => {
    // Tiles cut from a query each (no in-memory index), so that they wait for the database.
    server = await startTestServer(BACKENDS[0]!, 'fixture', { log, tileIndexMaxVertices: 0 })
    port = Number(new URL(server.url).port)
    // The fixture's import readies the layers again in the background; let that end first.
    await sleep(200)
    await server.tilesPrepared()
  })
  afterAll(() => server?.close())

  /** Sends a request's head (and `body`, if any) and closes the socket 20 ms later, unread. */
  const hangUp = (method: string, path: string, body?: string, length?: number) =>
    new Promise<void>((resolve) => {
      const headers: Record<string, string | number> = { 'accept-encoding': 'gzip' }
      if (body !== undefined) {
        headers['content-type'] = 'application/json'
        headers['content-length'] = length ?? Buffer.byteLength(body)
      }
      const req = request({ host: '127.0.0.1', port, method, path, headers })
      req.on('error', () => resolve())
      req.on('close', () => resolve())
      req.flushHeaders()
      if (body !== undefined) req.write(body)
      setTimeout(() => req.destroy(), 20)
    })

  it('keeps serving and cuts the abandoned tiles once, for whoever asks next', async () => {
    const site = '{"geometry":{"type":"Point","coordinates":[112.05,27.05]},"industry":"C26"}'
    // The embedded database runs one transaction at a time: while this one stays open, every
    // tile and check waits for it, and its client hangs up meanwhile.
    const blocker = await openTransaction(server.db)
    await Promise.all([
      ...TILES.map((path) => hangUp('GET', path)),
      // A check whose body stops halfway, and one sent whole and abandoned.
      hangUp('POST', '/api/admission-check', site.slice(0, 30), site.length),
      hangUp('POST', '/api/admission-check', site),
    ])
    await blocker.release()
    // Long enough for the abandoned work to finish.
    await sleep(1_000)

    // The cuts went on without their clients and were cached: asking again only hits. A
    // request whose client left before the server read it is never seen, so count those seen.
    const seen = new Set(
      lines.filter((line) => line.msg === 'request' && line.cache === 'miss').map((l) => l.reqId),
    ).size
    expect(seen).toBeGreaterThan(0)
    const before = server.cache.stats()
    for (const path of TILES) {
      const response = await server.get(path)
      expect([200, 204], path).toContain(response.status)
    }
    const after = server.cache.stats()
    expect(after.hits - before.hits).toBe(seen)
    expect(after.misses - before.misses).toBe(TILES.length - seen)
    const check = await server.postJson('/api/admission-check', JSON.parse(site))
    expect(check.status).toBe(200)
    expect((await server.get('/ready')).status).toBe(200)
    // Nothing went wrong on the server's side: no error was logged, no answer was a 5xx.
    expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([])
    expect(lines.filter((line) => Number(line.status) >= 500)).toEqual([])
  })
})
