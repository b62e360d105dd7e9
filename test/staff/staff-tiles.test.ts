import { get, type IncomingHttpHeaders } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revokeStaff } from '../../server/staff/staff-store.ts'
import { reportAt, type ErrorAnswer } from '../reports/support/report-requests.ts'
import { decodeTile } from '../support/mvt.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'
import { staffFetch, tokenFor } from './support/staff-client.ts'

const CONTACT = { name: '赵六', phone: '13800002222', email: 'zhao@example.org' }
const DESCRIPTION = '<b>排污口</b> 夜间偷排，气味刺鼻。'
const EXTENT = 4096

/** The tile holding a point, from the XYZ grid's own definition. */
const tileAt = (lon: number, lat: number, z: number) =>
  ({ z, x: lonToTileX(lon, z), y: latToTileY(lat, z) }) as const

/** Where a point falls inside its tile, in tile units, by the Web Mercator formulas. */
function inTile(lon: number, lat: number, z: number): { x: number; y: number } {
  const size = 2 ** z
  const worldX = ((lon + 180) / 360) * size
  const phi = (lat * Math.PI) / 180
  const worldY = ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * size
  return {
    x: (worldX - Math.floor(worldX)) * EXTENT,
    y: (worldY - Math.floor(worldY)) * EXTENT,
  }
}

/** A GET read as it comes off the wire, encoding and all. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      get(url, { headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        )
      }).on('error', reject)
    },
  )
}

interface PointProps {
  tracking_code: string
  category: string
  status: string
  priority: string
  overdue: boolean
  received_at: string
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`staff reports tiles ${backend.title}`, () => {
    let server: TestServer
    let viewer: string
    let officer: string
    let revoked: string

    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture', { reportsPerHour: 100_000 })
      viewer = await tokenFor(server.db, 'viewer')
      officer = await tokenFor(server.db, 'officer')
      revoked = await tokenFor(server.db, 'supervisor', 'left the bureau')
      await revokeStaff(server.db, 'left the bureau')
    })
    afterAll(() => server?.close())

    const file = async (lon: number, lat: number, extra: Record<string, unknown> = {}) => {
      const response = await server.postJson('/api/reports', reportAt(lon, lat, extra))
      expect(response.status).toBe(201)
      return ((await response.json()) as { trackingCode: string }).trackingCode
    }
    const tilePath = ({ z, x, y }: { z: number; x: number; y: number }, query = '') =>
      `/api/staff/tiles/reports/${z}/${x}/${y}.mvt${query}`
    const points = async (path: string, token = viewer) => {
      const response = await staffFetch(server, token, path)
      expect([200, 204]).toContain(response.status)
      if (response.status === 204) return []
      return decodeTile(await response.arrayBuffer()).reports!.features
    }
    const expectError = async (
      response: Response,
      status: number,
      code: string,
      field?: string,
    ) => {
      const body = (await response.json()) as ErrorAnswer
      expect([response.status, body.error.code, body.error.field]).toEqual([status, code, field])
    }

    it('serves a filed report as a point in its tile, without contact or description', async () => {
      const [lon, lat] = [112.173, 27.031]
      const code = await file(lon, lat, {
        category: 'noise',
        contact: CONTACT,
        description: DESCRIPTION,
      })
      const [row] = await server.db.query<{ id: number; received_at: Date }>(
        'SELECT id::integer AS id, received_at FROM reports WHERE tracking_code = $1',
        [code],
      )

      for (const z of [6, 10, 14]) {
        const response = await staffFetch(server, viewer, tilePath(tileAt(lon, lat, z)))
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
        const layers = decodeTile(await response.arrayBuffer())
        expect(Object.keys(layers)).toEqual(['reports'])
        const feature = layers.reports!.features.find((f) => f.properties.tracking_code === code)!
        expect(feature.id).toBe(row!.id)
        expect(feature.type).toBe(1)
        expect(feature.properties).toEqual({
          tracking_code: code,
          category: 'noise',
          status: 'received',
          priority: 'normal',
          overdue: false,
          received_at: new Date(row!.received_at).toISOString(),
        } satisfies PointProps)
        const [[point]] = feature.loadGeometry() as unknown as [[{ x: number; y: number }]]
        const expected = inTile(lon, lat, z)
        expect(Math.abs(point.x - expected.x)).toBeLessThanOrEqual(1)
        expect(Math.abs(point.y - expected.y)).toBeLessThanOrEqual(1)
      }

      const bytes = new Uint8Array(
        await (await staffFetch(server, officer, tilePath(tileAt(lon, lat, 12)))).arrayBuffer(),
      )
      const text = Buffer.from(bytes).toString('utf8')
      for (const secret of [CONTACT.phone, CONTACT.name, CONTACT.email, '排污口', '<b>']) {
        expect(text).not.toContain(secret)
      }
    })

    it('shows a new report and a new status on the very next request', async () => {
      // The general unit's square, away from the other reports of this suite.
      const [lon, lat] = [112.19, 27.01]
      const address = tileAt(lon, lat, 14)
      const before = await points(tilePath(address))
      const code = await file(lon, lat, { category: 'air' })
      const after = await points(tilePath(address))
      expect(after.length).toBe(before.length + 1)
      expect(after.find((f) => f.properties.tracking_code === code)?.properties.status).toBe(
        'received',
      )

      const moved = await staffFetch(server, officer, `/api/staff/reports/${code}/transitions`, {
        to: 'accepted',
      })
      expect(moved.status).toBe(200)
      const again = await points(tilePath(address))
      expect(again.find((f) => f.properties.tracking_code === code)?.properties.status).toBe(
        'accepted',
      )
    })

    it('flags an overdue report', async () => {
      const [lon, lat] = [112.15, 27.08]
      const code = await file(lon, lat, { category: 'water' })
      // Received 16 days ago and never accepted: 15 days were allowed.
      await server.db.query(
        `UPDATE reports SET received_at = now() - interval '16 days' WHERE tracking_code = $1`,
        [code],
      )
      const found = (await points(tilePath(tileAt(lon, lat, 12)))).find(
        (f) => f.properties.tracking_code === code,
      )
      expect(found?.properties.overdue).toBe(true)
    })

    it('takes the filters of the report list', async () => {
      const [lon, lat] = [112.03, 27.03]
      const water = await file(lon, lat, { category: 'water' })
      const soil = await file(lon + 0.001, lat, { category: 'soil' })
      const address = tileAt(lon, lat, 12)
      const codes = async (query: string) =>
        (await points(tilePath(address, query))).map((f) => f.properties.tracking_code).sort()

      expect(await codes('')).toEqual([water, soil].sort())
      expect(await codes('?category=soil')).toEqual([soil])
      expect(await codes('?category=air,water&status=received')).toEqual([water])
      expect(await codes('?priority=urgent')).toEqual([water, soil].sort())
      expect(await codes('?district=430407')).toEqual([])
      expect(await codes('?status=closed')).toEqual([])
    })

    it('answers 204 where no report lies, and gzip when asked', async () => {
      const empty = await staffFetch(server, viewer, tilePath(tileAt(100, 40, 10)))
      expect(empty.status).toBe(204)
      expect(empty.headers.get('cache-control')).toBe('private, no-store')

      // Read without fetch, which would undo the encoding itself.
      const zipped = await rawGet(server.url + tilePath(tileAt(112.03, 27.03, 10)), {
        authorization: `Bearer ${viewer}`,
        'accept-encoding': 'gzip',
      })
      expect(zipped.status).toBe(200)
      expect(zipped.headers['content-encoding']).toBe('gzip')
      expect(decodeTile(gunzipSync(zipped.body)).reports!.features.length).toBeGreaterThan(0)
      // Coding names and q are case-insensitive: Q=0 refuses gzip.
      const refused = await rawGet(server.url + tilePath(tileAt(112.03, 27.03, 10)), {
        authorization: `Bearer ${viewer}`,
        'accept-encoding': 'GZIP;Q=0',
      })
      expect(refused.status).toBe(200)
      expect(refused.headers['content-encoding']).toBeUndefined()
      // Refusing identity too leaves nothing to send.
      const neither = await server.get(tilePath(tileAt(112.03, 27.03, 10)), {
        headers: { authorization: `Bearer ${viewer}`, 'accept-encoding': 'gzip;q=0, identity;q=0' },
      })
      await expectError(neither, 406, 'ENCODING_NOT_ACCEPTABLE', 'Accept-Encoding')
      // A tile is no document: no content security policy, as for the public tiles.
      for (const answer of [
        empty.headers.get('content-security-policy'),
        refused.headers['content-security-policy'],
      ]) {
        expect(answer ?? null).toBeNull()
      }
    })

    it('is never kept by a shared cache, nor put in the public tile cache', async () => {
      const entries = server.cache.stats().entries
      const tile = await staffFetch(server, viewer, tilePath(tileAt(112.03, 27.03, 10)))
      const json = await staffFetch(server, viewer, '/api/staff/tiles/reports.json')
      for (const response of [tile, json]) {
        expect(response.headers.get('cache-control')).toBe('private, no-store')
        expect(response.headers.get('etag')).toBeNull()
        // Not open to other origins, unlike the public tiles.
        expect(response.headers.get('access-control-allow-origin')).toBeNull()
      }
      expect(server.cache.stats().entries).toBe(entries)
    })

    it('describes the layer as TileJSON, carrying the filters into the tile URLs', async () => {
      const response = await staffFetch(server, viewer, '/api/staff/tiles/reports.json')
      expect(response.status).toBe(200)
      const doc = (await response.json()) as {
        tilejson: string
        tiles: string[]
        minzoom: number
        maxzoom: number
        bounds: number[]
        vector_layers: { id: string; fields: Record<string, string> }[]
      }
      expect(doc.tilejson).toBe('3.0.0')
      expect(doc.tiles).toEqual([`${server.url}/api/staff/tiles/reports/{z}/{x}/{y}.mvt`])
      expect([doc.minzoom, doc.maxzoom]).toEqual([0, 14])
      // The fixture's zoning, as its README draws it.
      expect(doc.bounds).toEqual([112, 27, 112.2, 27.1])
      expect(doc.vector_layers.map((l) => l.id)).toEqual(['reports'])
      expect(Object.keys(doc.vector_layers[0]!.fields).sort()).toEqual(
        ['category', 'overdue', 'priority', 'received_at', 'status', 'tracking_code'].sort(),
      )

      const filtered = await staffFetch(
        server,
        viewer,
        '/api/staff/tiles/reports.json?status=received,accepted&overdue=true',
      )
      const { tiles } = (await filtered.json()) as { tiles: string[] }
      const url = new URL(tiles[0]!.replace('{z}/{x}/{y}', '0/0/0'))
      expect(url.searchParams.get('status')).toBe('received,accepted')
      expect(url.searchParams.get('overdue')).toBe('true')
    })

    it('refuses a missing, wrong, malformed or revoked token with 401', async () => {
      const paths = ['/api/staff/tiles/reports.json', tilePath(tileAt(112.03, 27.03, 10))]
      const wrong = `ezs_${'B'.repeat(43)}`
      for (const path of paths) {
        const missing = await staffFetch(server, undefined, path)
        expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/)
        await expectError(missing, 401, 'STAFF_TOKEN_MISSING', 'authorization')
        await expectError(
          await staffFetch(server, wrong, path),
          401,
          'STAFF_TOKEN_INVALID',
          'authorization',
        )
        await expectError(
          await staffFetch(server, 'ezs_short', path),
          401,
          'STAFF_TOKEN_INVALID',
          'authorization',
        )
        await expectError(
          await staffFetch(server, revoked, path),
          401,
          'STAFF_TOKEN_REVOKED',
          'authorization',
        )
      }
    })

    it('admits every role, as every role may read the report list', async () => {
      const supervisor = await tokenFor(server.db, 'supervisor')
      for (const token of [viewer, officer, supervisor]) {
        expect((await staffFetch(server, token, '/api/staff/tiles/reports.json')).status).toBe(200)
        const tile = await staffFetch(server, token, tilePath(tileAt(112.03, 27.03, 10)))
        expect(tile.status).toBe(200)
      }
    })

    it.each([
      ['x/0/0.mvt'],
      ['10/-1/0.mvt'],
      ['10/01/0.mvt'],
      ['10/1024/0.mvt'],
      ['10/0/1024.mvt'],
      ['25/0/0.mvt'],
      ['15/0/0.mvt'],
      ['10/0/0.png'],
      ['10/0/0'],
    ])('refuses the address %s as the public tiles do', async (address) => {
      const publicAnswer = await server.get(`/tiles/control_units/${address}`)
      const publicBody = (await publicAnswer.json()) as ErrorAnswer
      const staffAnswer = await staffFetch(server, viewer, `/api/staff/tiles/reports/${address}`)
      expect(publicAnswer.status).toBeGreaterThanOrEqual(400)
      await expectError(
        staffAnswer,
        publicAnswer.status,
        publicBody.error.code,
        publicBody.error.field,
      )
    })

    it.each([
      ['?limit=10', 400, 'PARAMETER_UNKNOWN', 'limit'],
      ['?offset=0', 400, 'PARAMETER_UNKNOWN', 'offset'],
      ['?sort=priority', 400, 'PARAMETER_UNKNOWN', 'sort'],
      ['?status=done', 400, 'PARAMETER_INVALID', 'status'],
      ['?district=4304', 400, 'PARAMETER_INVALID', 'district'],
      ['?from=2024-02-30', 400, 'PARAMETER_INVALID', 'from'],
      ['?category=air&category=water', 400, 'PARAMETER_REPEATED', 'category'],
    ] as const)('refuses the filter %s', async (query, status, code, field) => {
      for (const path of [
        tilePath(tileAt(112.03, 27.03, 10), query),
        `/api/staff/tiles/reports.json${query}`,
      ]) {
        await expectError(await staffFetch(server, viewer, path), status, code, field)
      }
    })

    it('is not in the public catalogue, TileJSON, style or tiles', async () => {
      const [lon, lat] = [112.03, 27.03]
      const { z, x, y } = tileAt(lon, lat, 10)
      for (const path of [
        `/tiles/reports/${z}/${x}/${y}.mvt`,
        '/tiles/reports.json',
        `/tiles/staff_reports/${z}/${x}/${y}.mvt`,
      ]) {
        const response = await server.get(path, { headers: { authorization: `Bearer ${viewer}` } })
        expect(response.status, path).toBe(404)
      }

      const catalogue = (await (await server.get('/tiles')).json()) as {
        layers: { name: string }[]
      }
      expect(catalogue.layers.map((l) => l.name)).not.toContain('reports')
      const zoning = (await (await server.get('/tiles/zoning.json')).json()) as {
        vector_layers: { id: string }[]
      }
      expect(zoning.vector_layers.map((l) => l.id)).not.toContain('reports')
      const style = await (await server.get('/styles/zoning.json')).text()
      expect(style).not.toContain('/api/staff')
      expect(style).not.toContain('"reports"')

      const composite = await server.get(`/tiles/zoning/${z}/${x}/${y}.mvt`)
      expect(composite.status).toBe(200)
      expect(Object.keys(decodeTile(await composite.arrayBuffer()))).not.toContain('reports')
    })
  })
}
