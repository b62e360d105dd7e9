import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureLog } from '../support/log-capture.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

const HEADERS = [
  'content-type',
  'content-encoding',
  'etag',
  'cache-control',
  'vary',
  'access-control-allow-origin',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  // A tile is no document: neither path gives it a content security policy.
  'content-security-policy',
]

describe('tiles answered before Koa', () => {
  const { log, lines } = captureLog()
  let server: TestServer
  beforeAll(async () => {
    // A catalogue kept for a minute: the direct path only trusts a fresh one.
    server = await startTestServer(BACKENDS[0]!, 'fixture', { log, catalogRefreshMs: 60_000 })
    // Koa reads the catalogue; only then may the direct path answer.
    await server.get('/tiles')
  })
  afterAll(() => server?.close())

  const served = (response: Response) =>
    lines.find((l) => l.reqId === response.headers.get('x-request-id'))?.path

  it('cuts, then serves from the cache, answering as the route does', async () => {
    const z = 11
    const x = lonToTileX(112.05, z)
    const path = `/tiles/control_units/${z}/${x}/${latToTileY(27.05, z)}.mvt`
    const first = await server.get(path)
    const second = await server.get(path)
    // The same tile through Koa, which alone takes a query string.
    const viaRoute = await server.get(`${path}?via=route`)

    expect(served(first)).toBe('direct')
    expect(served(second)).toBe('direct')
    expect(served(viaRoute)).toBeUndefined()
    expect(lines.find((l) => l.reqId === first.headers.get('x-request-id'))?.cache).toBe('miss')
    expect(lines.find((l) => l.reqId === second.headers.get('x-request-id'))?.cache).toBe('hit')
    for (const answer of [second, viaRoute]) {
      expect(answer.status).toBe(first.status)
      for (const name of HEADERS) {
        expect(answer.headers.get(name), name).toBe(first.headers.get(name))
      }
    }
    const bytes = Buffer.from(await first.arrayBuffer())
    expect(Buffer.from(await second.arrayBuffer())).toEqual(bytes)
    expect(Buffer.from(await viaRoute.arrayBuffer())).toEqual(bytes)
  })

  it('answers 304 and 204 on the same path', async () => {
    const composite = `/tiles/zoning/10/${lonToTileX(112.03, 10)}/${latToTileY(27.03, 10)}.mvt`
    const etag = (await server.get(composite)).headers.get('etag')!
    const again = await server.get(composite, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(served(again)).toBe('direct')

    const empty = `/tiles/control_units/10/${lonToTileX(100, 10)}/${latToTileY(30, 10)}.mvt`
    await server.get(empty)
    const emptyAgain = await server.get(empty)
    expect(emptyAgain.status).toBe(204)
    expect(served(emptyAgain)).toBe('direct')

    // The same answers through the route, which alone serves identity.
    const identity = { 'accept-encoding': 'identity' }
    const viaRoute = [
      await server.get(empty, { headers: identity }),
      await server.get(composite, { headers: identity }),
    ]
    const etagPlain = viaRoute[1]!.headers.get('etag')!
    viaRoute.push(
      await server.get(composite, { headers: { ...identity, 'if-none-match': etagPlain } }),
    )
    expect(viaRoute.map((answer) => answer.status)).toEqual([204, 200, 304])
    for (const answer of [again, emptyAgain, ...viaRoute]) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      expect(answer.headers.get('content-security-policy')).toBeNull()
    }
    // Errors on tile paths are JSON documents, and keep the policy.
    const refused = await server.get('/tiles/control_units/99/0/0.mvt')
    expect(refused.status).toBe(400)
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'self'")
  })

  it('leaves other encodings and bad addresses to the routes', async () => {
    const path = `/tiles/control_units/9/${lonToTileX(112.1, 9)}/${latToTileY(27.05, 9)}.mvt`
    await server.get(path)
    const plain = await server.get(path, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(served(plain)).toBeUndefined()
    // A q of zero refuses gzip, whatever the case of its name.
    const refused = await server.get(path, { headers: { 'accept-encoding': 'gzip;Q=0' } })
    expect(served(refused)).toBeUndefined()
    expect(refused.headers.get('content-encoding')).toBeNull()
    const shouted = await server.get(path, { headers: { 'accept-encoding': 'GZIP' } })
    expect(served(shouted)).toBe('direct')
    // Both paths read the header alike, so the answer does not depend on which one answers:
    // each header once to the direct path and once, with a query string, to the route.
    const headers = [
      ['gzip;q=0.5, identity;q=0', 'gzip'],
      ['br, gzip', 'gzip'],
      ['*', 'gzip'],
      ['not-gzip', null],
      ['x-gzip', null],
      ['gzip-x', null],
      ['gzip;q=.0', null],
      ['gzip;q=00', null],
      ['gzip;q=-1', null],
      ['gzip;q=2', null],
      ['gzip;q=0.5, identity;q=-1', 'gzip'],
      ['identity, gzip', null],
    ] as const
    for (const [header, expected] of headers) {
      const init = { headers: { 'accept-encoding': header } }
      for (const answer of [await server.get(path, init), await server.get(`${path}?q`, init)]) {
        expect(answer.headers.get('content-encoding'), header).toBe(expected)
      }
    }

    const padded = await server.get('/tiles/control_units/09/0/0.mvt')
    expect(padded.status).toBe(400)
    expect(served(padded)).toBeUndefined()
  })

  it('follows a change of the log level made while serving', async () => {
    const path = `/tiles/control_units/10/${lonToTileX(112.2, 10)}/${latToTileY(27.1, 10)}.mvt`
    await server.get(path)
    log.level = 'warn'
    const quiet = await server.get(path)
    log.level = 'info'
    const loud = await server.get(path)
    expect(quiet.status).toBe(loud.status)
    expect(served(quiet)).toBeUndefined()
    expect(served(loud)).toBe('direct')
  })

  it('stops following the level when its server closes', async () => {
    const shared = captureLog().log
    const before = shared.listenerCount('level-change')
    // PostgreSQL where there is one: it starts in a second, PGlite in several.
    const backend = BACKENDS.find((b) => b.name === 'postgres' && !b.skip) ?? BACKENDS[0]!
    for (let round = 0; round < 2; round++) {
      const other = await startTestServer(backend, 'fixture', { log: shared })
      expect(shared.listenerCount('level-change')).toBe(before + 1)
      await other.close()
    }
    expect(shared.listenerCount('level-change')).toBe(before)
  })
})
