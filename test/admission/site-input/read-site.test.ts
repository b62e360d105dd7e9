import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSite, type SiteRead } from '../../../server/admission/site-input/read-site.ts'
import type { UploadedFile } from '../../../server/admission/site-input/site-upload.ts'
import type { HttpError } from '../../../server/http/http-error.ts'
import { writeZip } from '../../import/support/zip-writer.ts'
import { openMigratedDatabase, type MigratedDatabase } from '../../support/migrated-database.ts'
import { BACKENDS } from '../../support/services.ts'

// Points spread over Hengyang on both sides of 112.5°E: Nanyue, Qidong, Leiyang, the centre.
const HENGYANG: [number, number][] = [
  [112.69, 27.3],
  [111.95, 26.8],
  [112.91, 26.42],
  [112.572, 26.894],
]

const ring = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
]

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`readSite ${backend.title}`, () => {
    let database: MigratedDatabase
    beforeAll(async () => {
      database = await openMigratedDatabase(backend)
    })
    afterAll(() => database?.close())

    const read = (fields: Record<string, unknown>, file?: UploadedFile) =>
      readSite(database.db, fields, file, file !== undefined)
    const refusal = async (fields: Record<string, unknown>): Promise<HttpError> => {
      try {
        await read(fields)
      } catch (error) {
        return error as HttpError
      }
      throw new Error('the site was read')
    }

    it('inverts Gauss-Kruger positions PostGIS projected to within a millimetre', async () => {
      for (const [lon, lat] of HENGYANG) {
        // Zone 37 west of 112.5°E, zone 38 east of it; each with and without the zone number.
        const codes = lon < 112.5 ? [4525, 4546] : [4526, 4547]
        for (const srid of codes) {
          const [row] = await database.db.query<{ x: number; y: number }>(
            `SELECT ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT ST_Transform(
               ST_SetSRID(ST_MakePoint($1, $2), 4490), $3::integer) AS p) projected`,
            [lon, lat, srid],
          )
          const { site, input } = await read({
            geometry: { type: 'Point', coordinates: [row!.x, row!.y] },
            crs: `EPSG:${srid}`,
          })
          const [gotLon, gotLat] = site.coordinates as [number, number]
          // 1e-8° is about a millimetre.
          expect(Math.abs(gotLon - lon), `${lon}, ${lat} in ${srid}`).toBeLessThan(1e-8)
          expect(Math.abs(gotLat - lat), `${lon}, ${lat} in ${srid}`).toBeLessThan(1e-8)
          expect(input.crs.code).toBe(`EPSG:${srid}`)
        }
      }
    })

    it('describes how the site was read', async () => {
      const text = ['J1,3000000,38500000', 'J2,3000000,38500100', 'J3,3000100,38500100']
      const { input } = await read({ boundaryPoints: text.join('\n') })
      expect(input).toMatchObject({
        format: 'boundary-points',
        field: 'boundaryPoints',
        crs: { code: 'EPSG:4526', from: expect.stringContaining('zone number 38') },
        conversion: { from: 'EPSG:4526', to: 'EPSG:4326', errorBoundM: 1 },
        vertices: 4,
        repairs: [{ kind: 'closed-ring' }],
        notes: [expect.stringContaining('CGCS2000')],
      })
      const [west, south, east, north] = input.bbox
      expect(west).toBeCloseTo(114, 3)
      expect(east - west).toBeGreaterThan(0.0009)
      expect(north - south).toBeGreaterThan(0.0008)
    })

    describe('repairs', () => {
      const polygon = (...rings: number[][][]) => ({
        geometry: { type: 'Polygon', coordinates: rings },
      })

      it('leaves a valid site as it is', async () => {
        const { site, input } = await read(polygon(ring(112, 27, 112.01, 27.01)))
        expect(site).toEqual({ type: 'Polygon', coordinates: [ring(112, 27, 112.01, 27.01)] })
        expect(input.repairs).toEqual([])
      })

      it('splits a ring that touches itself where its area stays the area drawn', async () => {
        const pinched = [
          [112, 27],
          [112.005, 27],
          [112.01, 27],
          [112.01, 27.01],
          [112.005, 27],
          [112, 27.01],
          [112, 27],
        ]
        const { site, input } = await read(polygon(pinched))
        expect(site.type).toBe('MultiPolygon')
        expect(input.repairs).toEqual([
          { kind: 'made-valid', message: expect.stringContaining('2 polygons') },
        ])
      })

      it('merges polygons that overlap or share an edge into their union', async () => {
        const site = {
          type: 'MultiPolygon',
          coordinates: [
            [ring(112, 27, 112.01, 27.01)],
            [ring(112.01, 27, 112.02, 27.01)],
            [ring(112.015, 27, 112.03, 27.01)],
          ],
        }
        const { site: merged, input } = await read({ geometry: site })
        expect(merged.type).toBe('Polygon')
        expect(input.repairs.map((r) => r.kind)).toEqual(['merged-parts'])
        const [row] = await database.db.query<{ equal: boolean }>(
          `SELECT ST_Equals(ST_GeomFromGeoJSON($1),
                  ST_MakeEnvelope(112, 27, 112.03, 27.01, 4326)) AS equal`,
          [JSON.stringify(merged)],
        )
        expect(row!.equal).toBe(true)
      })

      it('merges two thousand overlapping squares, each repaired part read once', async () => {
        // A chain of squares 0.002° wide, each starting 0.001° after the one before: every
        // square overlaps its neighbours, and their union is one strip. The union used to be
        // computed again for every square, which took ten seconds here and fifteen embedded.
        const count = 2_000
        const squares = Array.from({ length: count }, (_, i) => [
          ring(112 + i * 0.001, 27, 112.002 + i * 0.001, 27.002),
        ])
        const started = performance.now()
        const { site, input } = await read({
          geometry: { type: 'MultiPolygon', coordinates: squares },
        })
        const seconds = (performance.now() - started) / 1000
        expect(site.type).toBe('Polygon')
        expect(input.repairs.map((r) => r.kind)).toEqual(['merged-parts'])
        const east = 112 + (count - 1) * 0.001 + 0.002
        // The squares' corners, sums of binary fractions, are off the strip's by rounding.
        const [row] = await database.db.query<{ apart: number }>(
          `SELECT ST_HausdorffDistance(ST_GeomFromGeoJSON($1),
                    ST_MakeEnvelope(112, 27, $2, 27.002, 4326)) AS apart`,
          [JSON.stringify(site), east],
        )
        // 1e-8° is about a millimetre.
        expect(row!.apart).toBeLessThan(1e-8)
        // Not a speed target: a bound far above what one pass takes, far below ten passes.
        expect(seconds).toBeLessThan(5)
      })

      it.each([
        [
          'a bow-tie',
          polygon([
            [112, 27],
            [112.01, 27.01],
            [112.01, 27],
            [112, 27.01],
            [112, 27],
          ]),
          'edges cross',
        ],
        [
          'a hole outside its shell',
          polygon(ring(112, 27, 112.01, 27.01), ring(112.02, 27, 112.03, 27.01)),
          'inner ring lies outside',
        ],
        // Repaired within 1% of the area drawn, these would add the hole's area to the site.
        [
          'a small hole far outside its shell',
          polygon(ring(112, 27, 112.03, 27.03), ring(111.97, 27.001, 111.9702, 27.0012)),
          'a hole reaches outside its outer ring',
        ],
        [
          'a small hole across its shell',
          polygon(ring(112, 27, 112.03, 27.03), ring(111.9999, 27.01, 112.0001, 27.0102)),
          'a hole reaches outside its outer ring',
        ],
        // The spheroid's area of these nets below zero, which PostGIS raises as an error.
        [
          'a hole larger than its shell, around it',
          polygon(ring(112, 27, 112.01, 27.01), ring(111.99, 26.99, 112.02, 27.02)),
          'a hole reaches outside its outer ring',
        ],
        [
          'a hole larger than its shell, beside it',
          polygon(ring(112, 27, 112.01, 27.01), ring(112.02, 27, 112.04, 27.02)),
          'a hole reaches outside its outer ring',
        ],
        [
          'a MultiPolygon part with a hole larger than its shell',
          {
            geometry: {
              type: 'MultiPolygon',
              coordinates: [[ring(112, 27, 112.01, 27.01), ring(111.99, 26.99, 112.02, 27.02)]],
            },
          },
          'a hole reaches outside its outer ring',
        ],
        [
          'a ring of one point repeated',
          polygon([
            [112, 27],
            [112, 27],
            [112.01, 27],
            [112, 27],
          ]),
          'too few distinct points',
        ],
      ])('refuses %s', async (_, fields, words) => {
        const error = await refusal(fields)
        expect([error.status, error.code, error.field]).toEqual([
          422,
          'GEOMETRY_INVALID',
          'geometry',
        ])
        expect(error.message).toContain(words)
      })
    })

    it('says where a Gauss-Kruger site read in its zone falls outside China', async () => {
      // 1 m east of the false origin of 6-degree zone 13 (75°E): about 500 km west of 75°E.
      const error = await refusal({ wkt: 'POINT(13000001 4000000)', crs: 'EPSG:4491' })
      expect([error.status, error.code, error.field]).toEqual([422, 'GEOMETRY_INVALID', 'wkt'])
      const [, lon] = /falls at (\d+\.\d+)°E, \d+\.\d+°N, outside China: check/.exec(error.message)!
      expect(Number(lon)).toBeGreaterThan(68)
      expect(Number(lon)).toBeLessThan(73)
    })

    it('refuses a site over 1,000 km² and passes one under it', async () => {
      // 0.3° × 0.3° at 27°N is about 994 km²; 0.31° × 0.31° about 1,061 km².
      await expect(
        read({ wkt: 'POLYGON((112 27, 112.3 27, 112.3 27.3, 112 27.3))' }),
      ).resolves.toBeTruthy()
      const error = await refusal({ wkt: 'POLYGON((112 27, 112.31 27, 112.31 27.31, 112 27.31))' })
      expect([error.status, error.code, error.field]).toEqual([422, 'SITE_TOO_LARGE', 'wkt'])
    })

    it('reads a KMZ, and text files with a byte-order mark', async () => {
      const kml =
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Point>' +
        '<coordinates>112.5,26.9</coordinates></Point></Placemark></kml>'
      const kmz = writeZip([{ name: 'doc.kml', data: kml }])
      const upload = (bytes: Buffer, name: string): UploadedFile => ({ field: 'site', name, bytes })
      const expected = { type: 'Point', coordinates: [112.5, 26.9] }
      const check = async (file: UploadedFile, format: string) => {
        const result: SiteRead = await read({}, file)
        expect(result.site).toEqual(expected)
        expect(result.input.format).toBe(format)
        expect(result.input.field).toBe('site')
      }
      await check(upload(kmz, 'site.kmz'), 'kml')
      // Without a doc.kml, the first .kml is the main one, as Google Earth reads it.
      const other = kml.replace('112.5,26.9', '112.6,27')
      const two = [
        { name: 'files/site.kml', data: kml },
        { name: 'other.kml', data: other },
      ]
      await check(upload(writeZip(two), 'site.kmz'), 'kml')
      expect((await read({}, upload(writeZip(two), 'site.kmz'))).input.file).toBe(
        'site.kmz (files/site.kml)',
      )
      // Google Earth and Info-ZIP's zip may store a small doc.kml rather than deflate it.
      await check(upload(writeZip([{ name: 'doc.kml', data: kml, stored: true }]), 'a.kmz'), 'kml')
      const damaged = writeZip([{ name: 'doc.kml', data: kml, declaredCrc: 1 }])
      const error = await read({}, upload(damaged, 'site.kmz')).then(
        () => Promise.reject(new Error('the damaged KMZ was read')),
        (e: HttpError) => e,
      )
      expect([error.status, error.code, error.field]).toEqual([422, 'KML_INVALID', 'site'])
      expect(error.message).toBe(
        'site.kmz: doc.kml in the zip archive cannot be read (its bytes do not match the ' +
          'checksum the archive holds: the file is damaged).',
      )
      const bom = Buffer.from([0xef, 0xbb, 0xbf])
      await check(
        upload(Buffer.concat([bom, Buffer.from(JSON.stringify(expected))]), 'a'),
        'geojson',
      )
      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('POINT(112.5 26.9)', 'utf16le'),
      ])
      await check(upload(utf16, 'site.wkt'), 'wkt')
    })
  })
}
