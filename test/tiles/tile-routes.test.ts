import { get } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDatasetFolder } from '../../server/data/sample-loader.ts'
import { decodeTile } from '../support/mvt.ts'
import { BACKENDS } from '../support/services.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'
import { latToTileY, lonToTileX, tileToLat, tileToLon } from '../support/tile-math.ts'

// The fixture's units, as its README draws them: [code, west, south, east, north].
const UNITS: [string, number, number, number, number][] = [
  ['ZH43042110001', 112.0, 27.0, 112.1, 27.1],
  ['ZH43042120001', 112.1, 27.05, 112.2, 27.1],
  ['ZH43042130001', 112.1, 27.0, 112.2, 27.05],
]

const tileAt = (lon: number, lat: number, z: number) =>
  [z, lonToTileX(lon, z), latToTileY(lat, z)] as const

/** Units whose squares overlap the tile, by rectangle arithmetic. */
function unitsInTile(z: number, x: number, y: number): string[] {
  const [w, e, n, s] = [tileToLon(x, z), tileToLon(x + 1, z), tileToLat(y, z), tileToLat(y + 1, z)]
  return UNITS.filter(([, uw, us, ue, un]) => uw < e && ue > w && us < n && un > s)
    .map(([code]) => code)
    .sort()
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`tiles ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
    })
    afterAll(() => server?.close())

    const tile = (path: string, init?: RequestInit) => server.get(`/tiles/${path}`, init)

    it('lists every layer with an absolute TileJSON URL', async () => {
      const response = await server.get('/tiles')
      expect(response.status).toBe(200)
      const body = (await response.json()) as { layers: { name: string; tilejson: string }[] }
      expect(body.layers.map((l) => l.name)).toContain('control_units')
      expect(body.layers.length).toBe(10)
      expect(body.layers.map((l) => l.name)).not.toContain('zoning')
      for (const layer of body.layers) {
        expect(layer.tilejson).toBe(`${server.url}/tiles/${layer.name}.json`)
      }
    })

    it('links the composite TileJSON and the style, each of which answers', async () => {
      const body = (await (await server.get('/tiles')).json()) as {
        composite: { name: string; tilejson: string; style: string }
      }
      expect(body.composite).toEqual({
        name: 'zoning',
        tilejson: `${server.url}/tiles/zoning.json`,
        style: `${server.url}/styles/zoning.json`,
      })
      const tilejson = (await (await fetch(body.composite.tilejson)).json()) as { tiles: string[] }
      expect(tilejson.tiles).toEqual([`${server.url}/tiles/zoning/{z}/{x}/{y}.mvt`])
      const style = await fetch(body.composite.style)
      expect(style.status).toBe(200)
      expect(((await style.json()) as { version: number }).version).toBe(8)
    })

    it('describes a layer as TileJSON 3.0.0 with its bounds and fields', async () => {
      const response = await tile('control_units.json')
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      const doc = (await response.json()) as Record<string, unknown> & {
        vector_layers: { id: string; fields: Record<string, string> }[]
      }
      expect(doc.tilejson).toBe('3.0.0')
      expect(doc.tiles).toEqual([`${server.url}/tiles/control_units/{z}/{x}/{y}.mvt`])
      expect(doc.bounds).toEqual([112, 27, 112.2, 27.1])
      expect(doc.vector_layers[0]!.id).toBe('control_units')
      expect(Object.keys(doc.vector_layers[0]!.fields)).toEqual([
        'code',
        'name',
        'class',
        'district_adcode',
        'area_km2',
      ])
    })

    it.each([
      [8, 112.1, 27.05],
      [10, 112.03, 27.03],
      [12, 112.15, 27.07],
      [14, 112.099, 27.01],
    ])('holds at z%i exactly the units that overlap the tile', async (z, lon, lat) => {
      const [, x, y] = tileAt(lon, lat, z)
      const response = await tile(`control_units/${z}/${x}/${y}.mvt`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
      const layers = decodeTile(await response.arrayBuffer())
      expect(Object.keys(layers)).toEqual(['control_units'])

      const features = layers.control_units!.features
      expect(features.map((f) => f.properties.code).sort()).toEqual(unitsInTile(z, x, y))
      for (const feature of features) {
        expect(typeof feature.id).toBe('number')
        expect(typeof feature.properties.district_adcode).toBe('number')
        expect(['priority', 'key', 'general']).toContain(feature.properties.class)
      }
    })

    it('places the polygon where the data has it', async () => {
      const [z, x, y] = tileAt(112.03, 27.03, 10)
      const layers = decodeTile(
        await (await tile(`control_units/${z}/${x}/${y}.mvt`)).arrayBuffer(),
      )
      const unit = layers.control_units!.features.find((f) => f.properties.code === UNITS[0]![0])!
      const geometry = unit.toGeoJSON(x, y, z).geometry as { coordinates: number[][][] }
      const lons = geometry.coordinates.flat().map((p) => p[0]!)
      // The unit's west edge (112.0) lies inside this tile; one tile pixel is 360/2^10/4096 °.
      const pixel = 360 / 2 ** 10 / 4096
      expect(Math.min(...lons)).toBeCloseTo(112.0, 3)
      expect(Math.abs(Math.min(...lons) - 112.0)).toBeLessThan(2 * pixel)
    })

    it('puts every layer with features there in the composite zoning tile', async () => {
      const [z, x, y] = tileAt(112.1, 27.05, 8)
      const layers = decodeTile(await (await tile(`zoning/${z}/${x}/${y}.mvt`)).arrayBuffer())
      // At z8 the facilities layer (minzoom 6) is in range; the fixture's square lies in one tile.
      const areas = [
        'control_units',
        'districts',
        'industrial_parks',
        'nature_reserve_zones',
        'water_source_zones',
      ]
      // The named areas come with their label points (see the next test).
      expect(Object.keys(layers).sort()).toEqual(
        [
          ...areas,
          ...areas.map((area) => `${area}_label`),
          'facilities',
          'no_raising_zones',
          'rivers',
        ].sort(),
      )
      expect(layers.control_units!.features.map((f) => f.properties.code).sort()).toEqual(
        unitsInTile(z, x, y),
      )
    })

    it('names each area once, at a point inside it, with its id and attributes', async () => {
      const [z, x, y] = tileAt(112.1, 27.05, 8)
      const layers = decodeTile(await (await tile(`zoning/${z}/${x}/${y}.mvt`)).arrayBuffer())
      for (const area of ['districts', 'control_units', 'water_source_zones']) {
        const shapes = layers[area]!.features
        const points = layers[`${area}_label`]!.features
        expect(points.map((p) => p.id).sort(), area).toEqual(shapes.map((s) => s.id).sort())
        for (const point of points) {
          const shape = shapes.find((s) => s.id === point.id)!
          expect(point.properties, area).toEqual(shape.properties)
          const [lon, lat] = (point.toGeoJSON(x, y, z).geometry as { coordinates: number[] })
            .coordinates as [number, number]
          const [row] = await server.db.query<{ inside: boolean }>(
            `SELECT ST_Contains(geom, ST_SetSRID(ST_MakePoint($2, $3), 4326)) AS inside
               FROM ${area} WHERE id = $1`,
            [point.id, lon, lat],
          )
          expect(row?.inside, `${area} ${point.id}`).toBe(true)
        }
      }

      // Closer, the districts span several tiles; each is named in one of them only. A point
      // in a tile's buffer belongs to its neighbour, and map clients leave it there.
      const zoom = 11
      const [, west, north] = tileAt(112.0, 27.1, zoom)
      const [, east, south] = tileAt(112.2, 27.0, zoom)
      const named = new Map<number, number>()
      for (let tx = west; tx <= east; tx++) {
        for (let ty = north; ty <= south; ty++) {
          const response = await tile(`zoning/${zoom}/${tx}/${ty}.mvt`)
          if (response.status === 204) continue
          const labels = decodeTile(await response.arrayBuffer()).districts_label
          for (const point of labels?.features ?? []) {
            const at = point.loadGeometry()[0]![0]!
            const inside = at.x >= 0 && at.y >= 0 && at.x < labels!.extent && at.y < labels!.extent
            if (inside) named.set(Number(point.id), (named.get(Number(point.id)) ?? 0) + 1)
          }
        }
      }
      const [counted] = await server.db.query<{ districts: number }>(
        'SELECT count(*)::integer AS districts FROM districts',
      )
      expect(named.size).toBe(counted!.districts)
      expect([...named.values()].every((count) => count === 1)).toBe(true)
    })

    it('describes the composite as TileJSON with one vector layer per layer', async () => {
      const doc = (await (await tile('zoning.json')).json()) as {
        tiles: string[]
        vector_layers: { id: string }[]
        minzoom: number
      }
      expect(doc.tiles).toEqual([`${server.url}/tiles/zoning/{z}/{x}/{y}.mvt`])
      const catalogue = (await (await server.get('/tiles')).json()) as {
        layers: { name: string; data_version: number }[]
      }
      const names = catalogue.layers.map((layer) => layer.name)
      // The layers' data versions summed, each once: label points share their layer's.
      const versions = catalogue.layers.reduce((sum, layer) => sum + layer.data_version, 0)
      expect((doc as unknown as { version: string }).version).toBe(`1.${versions}.0`)
      const areas = ['districts', 'control_units', 'water_source_zones', 'nature_reserve_zones']
      areas.push('industrial_parks')
      // Every layer, then the named areas' label points, in catalogue order.
      expect(doc.vector_layers.map((layer) => layer.id)).toEqual([
        ...names,
        ...names.filter((name) => areas.includes(name)).map((name) => `${name}_label`),
      ])
      expect(doc.minzoom).toBe(0)
    })

    it('sends gzip to clients that accept it and plain bytes to others', async () => {
      const [z, x, y] = tileAt(112.03, 27.03, 10)
      const path = `/tiles/control_units/${z}/${x}/${y}.mvt`
      const zipped = await new Promise<{ encoding?: string; etag?: string; body: Buffer }>(
        (resolve, reject) => {
          const request = get(server.url + path, { headers: { 'accept-encoding': 'gzip' } })
          request.on('response', (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk: Buffer) => chunks.push(chunk))
            response.on('end', () =>
              resolve({
                encoding: response.headers['content-encoding'],
                etag: response.headers.etag,
                body: Buffer.concat(chunks),
              }),
            )
          })
          request.on('error', reject)
        },
      )
      const plain = await server.get(path, { headers: { 'accept-encoding': 'identity' } })
      const plainBytes = Buffer.from(await plain.arrayBuffer())

      expect(zipped.encoding).toBe('gzip')
      expect(plain.headers.get('content-encoding')).toBeNull()
      expect(gunzipSync(zipped.body)).toEqual(plainBytes)
      expect(zipped.etag).not.toBe(plain.headers.get('etag'))
      expect(plain.headers.get('vary')).toMatch(/accept-encoding/i)
    })

    it('answers 204 with no body for an empty tile in range', async () => {
      const [z, x, y] = tileAt(100, 30, 10)
      const response = await tile(`control_units/${z}/${x}/${y}.mvt`)
      expect(response.status).toBe(204)
      expect((await response.arrayBuffer()).byteLength).toBe(0)
    })

    it('answers 304 to a matching If-None-Match and serves repeats from the cache', async () => {
      const [z, x, y] = tileAt(112.05, 27.05, 9)
      const first = await tile(`control_units/${z}/${x}/${y}.mvt`)
      const etag = first.headers.get('etag')!
      expect(etag).toMatch(/^".+"$/)
      expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/)

      const hitsBefore = server.cache.stats().hits
      const again = await tile(`control_units/${z}/${x}/${y}.mvt`, {
        headers: { 'if-none-match': etag },
      })
      expect(again.status).toBe(304)
      expect(server.cache.stats().hits).toBe(hitsBefore + 1)
    })

    it('changes version and ETag when the layer is imported again', async () => {
      const [z, x, y] = tileAt(112.05, 27.05, 9)
      const before = await tile(`control_units/${z}/${x}/${y}.mvt`)
      const versionBefore = (
        (await (await tile('control_units.json')).json()) as { version: string }
      ).version

      await loadDatasetFolder(server.db, FIXTURE_DATASET)
      server.catalog.invalidate()

      const after = await tile(`control_units/${z}/${x}/${y}.mvt`)
      const versionAfter = (
        (await (await tile('control_units.json')).json()) as { version: string }
      ).version
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
      expect(versionAfter).not.toBe(versionBefore)
    })

    describe('bad input', () => {
      const cases: [string, number, string, string | undefined][] = [
        ['nowhere/1/0/0.mvt', 404, 'LAYER_NOT_FOUND', 'layer'],
        ['nowhere.json', 404, 'LAYER_NOT_FOUND', 'layer'],
        ['control_units/25/0/0.mvt', 400, 'TILE_OUT_OF_RANGE', 'z'],
        ['control_units/3/8/0.mvt', 400, 'TILE_OUT_OF_RANGE', 'x'],
        ['control_units/3/0/8.mvt', 400, 'TILE_OUT_OF_RANGE', 'y'],
        ['control_units/3/0/-1.mvt', 400, 'TILE_ADDRESS_INVALID', 'y'],
        ['control_units/3/1.5/0.mvt', 400, 'TILE_ADDRESS_INVALID', 'x'],
        ['control_units/a/0/0.mvt', 400, 'TILE_ADDRESS_INVALID', 'z'],
        ['control_units/3/0/0.png', 400, 'TILE_FORMAT_UNSUPPORTED', 'format'],
        ['..%2F..%2Fetc%2Fpasswd/1/0/0.mvt', 404, 'LAYER_NOT_FOUND', 'layer'],
        ["x';DROP TABLE layers;--/1/0/0.mvt", 404, 'LAYER_NOT_FOUND', 'layer'],
        ['control_units/99999999999/0/0.mvt', 400, 'TILE_OUT_OF_RANGE', 'z'],
        ['control_units/3/99999999999999999999/0.mvt', 400, 'TILE_OUT_OF_RANGE', 'x'],
        ['control_units/15/0/0.mvt', 404, 'ZOOM_OUT_OF_RANGE', 'z'],
        ['facilities/3/6/3.mvt', 404, 'ZOOM_OUT_OF_RANGE', 'z'],
      ]
      it.each(cases)('/tiles/%s answers %i %s', async (path, status, code, field) => {
        const response = await tile(path)
        expect(response.status).toBe(status)
        const body = (await response.json()) as { error: Record<string, string> }
        expect(body.error.code).toBe(code)
        expect(body.error.field).toBe(field)
      })

      it('answers 406 to a client that refuses both gzip and identity', async () => {
        const [z, x, y] = tileAt(112.03, 27.03, 10)
        const paths = [`control_units/${z}/${x}/${y}.mvt`, `zoning/${z}/${x}/${y}.mvt`]
        for (const header of ['identity;q=0', '*;q=0', 'br, identity;q=0', 'GZIP;Q=0, *;Q=0']) {
          for (const path of paths) {
            const response = await tile(path, { headers: { 'accept-encoding': header } })
            expect(response.status, `${header} ${path}`).toBe(406)
            const body = (await response.json()) as { error: Record<string, string> }
            expect(body.error.code).toBe('ENCODING_NOT_ACCEPTABLE')
            expect(body.error.field).toBe('Accept-Encoding')
            expect(body.error.message).toContain(JSON.stringify(header))
          }
        }
        // Refusing all but one of them still gets that one.
        const only = [
          ['*;q=0, identity', null],
          ['*;q=0, gzip', 'gzip'],
          ['identity;q=0, gzip', 'gzip'],
          // A q that is no q-value refuses its coding alone: identity is still acceptable.
          ['gzip;q=-1', null],
          ['gzip;q=abc', null],
          ['gzip;q=0.5, identity;q=-1', 'gzip'],
        ] as const
        for (const [header, encoding] of only) {
          const response = await tile(paths[0]!, { headers: { 'accept-encoding': header } })
          expect(response.status, header).toBe(200)
          expect(response.headers.get('content-encoding'), header).toBe(encoding)
        }
      })

      it("gives the zoom's own range for an x or y past it, however long", async () => {
        for (const [path, field, given] of [
          ['control_units/1/999999999999/0.mvt', 'x', '999999999999'],
          ['control_units/1/2/0.mvt', 'x', '2'],
          ['control_units/2/0/99999999999999999999999.mvt', 'y', '99999999999999999999…'],
        ]) {
          const response = await tile(path!)
          expect(response.status, path).toBe(400)
          const body = (await response.json()) as { error: Record<string, string> }
          const z = Number(path!.split('/')[1])
          expect(body.error).toMatchObject({
            code: 'TILE_OUT_OF_RANGE',
            field,
            message: `${field} must be between 0 and ${2 ** z - 1} at zoom ${z}, got ${given}.`,
          })
        }
      })

      it('tells a client asking for a negative x that it must be 0 or more', async () => {
        const response = await tile('control_units/3/-1/0.mvt')
        expect(response.status).toBe(400)
        const body = (await response.json()) as { error: Record<string, string> }
        expect(body.error.message).toBe('x must be 0 or more, got -1.')
      })

      it('names an unknown layer with its invisible characters written out', async () => {
        // U+202E reverses the text after it: echoed as is, the message would read otherwise.
        const response = await tile(`${encodeURIComponent('\u202Estinu_lortnoc')}.json`)
        expect(response.status).toBe(404)
        const body = (await response.json()) as { error: Record<string, string> }
        expect(body.error.message).not.toContain('\u202E')
        expect(body.error.message).toMatch(/^No layer named "\\u202estinu_lortnoc"; layers: /)
      })
    })
  })
}
