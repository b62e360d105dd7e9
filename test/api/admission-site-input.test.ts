import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeShapefile, type Ring } from '../import/support/shapefile-writer.ts'
import { wgs84ToGcj02 } from '../import/support/web-map-datums.ts'
import { writeZip } from '../import/support/zip-writer.ts'
import { metresPerDegreeLon } from '../support/geodesy.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

interface CheckBody {
  verdict: string
  units: { code: string; overlap_m2: number | null }[]
  site: {
    geometry: { type: string }
    format: string
    crs: { code: string; from: string }
    conversion: { from: string; method: string; errorBoundM: number }
    repairs: { kind: string; message: string }[]
  }
  error?: { code: string; message: string; field?: string }
}

// The fixture's key unit (north-east quarter) and general unit (south-east quarter) meet at
// 27.05°N; this square straddles them, so both units and their share tell a site apart.
const [WEST, SOUTH, EAST, NORTH] = [112.17, 27.04, 112.19, 27.06]
const CORNERS: [number, number][] = [
  [WEST, SOUTH],
  [EAST, SOUTH],
  [EAST, NORTH],
  [WEST, NORTH],
]
const STRADDLED = ['ZH43042120001', 'ZH43042130001']
const INDUSTRY = 'M73'

const lonLatRing = () => [...CORNERS, CORNERS[0]!]
const square = { type: 'Polygon', coordinates: [lonLatRing()] }

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`admission-check site input ${backend.title}`, () => {
    let server: TestServer
    // Gauss-Kruger corners computed by PostGIS (PROJ), not by the code under test:
    // zone 37 with the zone number in front (EPSG:4525) and without (EPSG:4546).
    let prefixed: [number, number][]
    let plain: [number, number][]
    let prj: string
    let reference: CheckBody

    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
      const project = async (srid: number) =>
        Promise.all(
          CORNERS.map(async ([lon, lat]) => {
            const [row] = await server.db.query<{ x: number; y: number }>(
              `SELECT ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT ST_Transform(
                 ST_SetSRID(ST_MakePoint($1, $2), 4490), $3::integer) AS p) projected`,
              [lon, lat, srid],
            )
            return [row!.x, row!.y] as [number, number]
          }),
        )
      prefixed = await project(4525)
      plain = await project(4546)
      const [row] = await server.db.query<{ srtext: string }>(
        'SELECT srtext FROM spatial_ref_sys WHERE srid = 4525',
      )
      prj = row!.srtext
      reference = (await check({ geometry: square, industry: INDUSTRY })).body
    })
    afterAll(() => server?.close())

    const check = async (body: unknown) => {
      const response = await server.postJson('/api/admission-check', body)
      return { status: response.status, body: (await response.json()) as CheckBody }
    }
    const upload = async (file: Buffer | string, name: string, fields: object = {}) => {
      const form = new FormData()
      form.append('site', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), name)
      for (const [key, value] of Object.entries({ industry: INDUSTRY, ...fields })) {
        form.append(key, String(value))
      }
      const response = await server.get('/api/admission-check', { method: 'POST', body: form })
      return { status: response.status, body: (await response.json()) as CheckBody }
    }
    const expectSameAnswer = ({ status, body }: { status: number; body: CheckBody }) => {
      expect(body.error).toBeUndefined()
      expect(status).toBe(200)
      expect(body.verdict).toBe(reference.verdict)
      expect(body.units.map((u) => u.code).sort()).toEqual(STRADDLED)
      for (const unit of body.units) {
        const same = reference.units.find((u) => u.code === unit.code)!
        expect(unit.overlap_m2! / same.overlap_m2!).toBeCloseTo(1, 3)
      }
    }

    const surveyLines = (corners: [number, number][], ring = false) =>
      [...corners, corners[0]!].map(([e, n], i) => {
        const name = `J${(i % corners.length) + 1}`
        return `${name},${ring ? '1,' : ''}${n.toFixed(3)},${e.toFixed(3)}`
      })
    const exchangeFile = (zone: number, corners: [number, number][]) =>
      [
        '[属性描述]',
        '格式版本号=1.01',
        '坐标系=2000国家大地坐标系',
        '几度分带=3',
        '投影类型=高斯克吕格',
        '计量单位=米',
        `带号=${zone}`,
        '精度=0.01',
        '转换参数=,,,,,,',
        '[地块坐标]',
        '5,4.9000,1,测试地块,面,,工业用地,,@',
        ...surveyLines(corners, true),
      ].join('\r\n')

    it('straddles the key and general units as GeoJSON', () => {
      expect(reference.units.map((u) => u.code).sort()).toEqual(STRADDLED)
    })

    describe('gives the same units and verdict for the same site', () => {
      it('as WKT with Z ordinates', async () => {
        const text = lonLatRing()
          .map(([lon, lat]) => `${lon} ${lat} 55.5`)
          .join(', ')
        expectSameAnswer(await check({ wkt: `POLYGON Z ((${text}))`, industry: INDUSTRY }))
      })

      it('as EWKT in Gauss-Kruger zone 37', async () => {
        const text = [...prefixed, prefixed[0]!].map(([e, n]) => `${e} ${n}`).join(',')
        expectSameAnswer(await check({ wkt: `SRID=4525;POLYGON((${text}))`, industry: INDUSTRY }))
      })

      it('as KML', async () => {
        const kml = kmlDocument(lonLatRing())
        expectSameAnswer(await check({ kml, industry: INDUSTRY }))
      })

      it('as a zipped Shapefile in a folder, with the .prj PostGIS has for EPSG:4525', async () => {
        // Shapefile outer rings run clockwise: west-south, west-north, east-north, east-south.
        const [sw, se, ne, nw] = prefixed
        const ring: Ring = [sw!, nw!, ne!, se!, sw!]
        const { shp, shx, dbf } = writeShapefile({
          records: [{ shape: { type: 'polygon', rings: [ring] }, attributes: { NAME: '地块' } }],
          fields: [{ name: 'NAME', type: 'C', length: 20 }],
          encoding: 'gbk',
        })
        const zip = writeZip([
          { name: '项目用地/parcel.shp', data: shp },
          { name: '项目用地/parcel.shx', data: shx },
          { name: '项目用地/parcel.dbf', data: dbf },
          { name: '项目用地/parcel.prj', data: prj },
        ])
        expectSameAnswer(await upload(zip, 'parcel.zip'))
      })

      it('refuses a Shapefile of too many vertices before it assembles the rings', async () => {
        const [sw, se, ne, nw] = prefixed
        const square: Ring = [sw!, nw!, ne!, se!, sw!]
        // One record of 2,600 rings of 5 positions: 13,000 vertices in a few hundred KB.
        const { shp, shx, dbf } = writeShapefile({
          records: [
            {
              shape: { type: 'polygon', rings: Array.from({ length: 2600 }, () => square) },
              attributes: {},
            },
          ],
          fields: [{ name: 'ID', type: 'N', length: 4 }],
          encoding: 'utf-8',
        })
        const zip = writeZip([
          { name: 'parcel.shp', data: shp },
          { name: 'parcel.shx', data: shx },
          { name: 'parcel.dbf', data: dbf },
          { name: 'parcel.prj', data: prj },
        ])
        const { status, body } = await upload(zip, 'parcel.zip')
        expect([status, body.error?.code]).toEqual([413, 'SITE_TOO_COMPLEX'])
        expect(body.error?.message).toContain('13000 vertices')
      })

      describe('a Shapefile hole', () => {
        /** A zipped Shapefile of one record of `rings`, in EPSG:4525 by its .prj. */
        const parcelZip = (rings: Ring[]) => {
          const { shp, shx, dbf } = writeShapefile({
            records: [{ shape: { type: 'polygon', rings }, attributes: {} }],
            fields: [{ name: 'ID', type: 'N', length: 4 }],
            encoding: 'utf-8',
          })
          return writeZip([
            { name: 'parcel.shp', data: shp },
            { name: 'parcel.shx', data: shx },
            { name: 'parcel.dbf', data: dbf },
            { name: 'parcel.prj', data: prj },
          ])
        }
        const outerRing = (): Ring => {
          const [sw, se, ne, nw] = prefixed
          return [sw!, nw!, ne!, se!, sw!]
        }
        // Counter-clockwise, as a Shapefile's hole runs: 200 m east of the square, 100 m across.
        const beside = (): Ring => {
          const [x, y] = prefixed[1]!
          return [
            [x + 200, y],
            [x + 300, y],
            [x + 300, y + 100],
            [x + 200, y],
          ]
        }

        it('refuses one beside its outer ring as the same polygon in GeoJSON', async () => {
          const { status, body } = await upload(parcelZip([outerRing(), beside()]), 'parcel.zip')
          expect([status, body.error?.code, body.error?.field]).toEqual([
            422,
            'GEOMETRY_INVALID',
            'site',
          ])
          expect(body.error?.message).toBe(
            'site is not a valid site: parcel.zip (parcel.shp), record 1: a hole lies outside ' +
              'its outer ring, where it would add area rather than take it away; draw each ' +
              'hole inside its outer ring.',
          )

          // The same rings in GeoJSON, in longitude and latitude as PostGIS converts them.
          const [row] = await server.db.query<{ geojson: string }>(
            `SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4525), 4490))
                      AS geojson`,
            [JSON.stringify({ type: 'Polygon', coordinates: [outerRing(), beside()] })],
          )
          const geojson = await check({ geometry: JSON.parse(row!.geojson), industry: INDUSTRY })
          expect([geojson.status, geojson.body.error?.code]).toEqual([422, 'GEOMETRY_INVALID'])
          expect(geojson.body.error?.message).toContain(
            'where it would add area rather than take it away; draw each hole inside its ' +
              'outer ring',
          )
        })

        it('takes one inside its outer ring, and a square drawn counter-clockwise', async () => {
          // A 100 m square hole, counter-clockwise, in the square's general-unit (south) half.
          const [x, y] = prefixed[0]!
          const hole: Ring = [
            [x + 500, y + 500],
            [x + 600, y + 500],
            [x + 600, y + 600],
            [x + 500, y + 600],
            [x + 500, y + 500],
          ]
          const holed = await upload(parcelZip([outerRing(), hole]), 'parcel.zip')
          expect(holed.status).toBe(200)
          const general = (answer: CheckBody) =>
            answer.units.find((u) => u.code === STRADDLED[1])!.overlap_m2!
          // The hole takes 10,000 m² (in the projection's metres, near enough) off one unit.
          expect(general(reference) - general(holed.body)).toBeGreaterThan(9_900)
          expect(general(reference) - general(holed.body)).toBeLessThan(10_100)

          expectSameAnswer(await upload(parcelZip([outerRing().reverse()]), 'parcel.zip'))
        })
      })

      it('refuses a .prj that would unpack to far more than any WKT', async () => {
        const [sw, se, ne, nw] = prefixed
        const { shp, shx, dbf } = writeShapefile({
          records: [
            { shape: { type: 'polygon', rings: [[sw!, nw!, ne!, se!, sw!]] }, attributes: {} },
          ],
          fields: [{ name: 'NAME', type: 'C', length: 20 }],
          encoding: 'gbk',
        })
        // 64 MB of spaces deflate to about 64 KB.
        const zip = writeZip([
          { name: 'parcel.shp', data: shp },
          { name: 'parcel.shx', data: shx },
          { name: 'parcel.dbf', data: dbf },
          { name: 'parcel.prj', data: Buffer.alloc(64 * 1024 * 1024, 0x20) },
        ])
        expect(zip.length).toBeLessThan(1024 * 1024)
        const { status, body } = await upload(zip, 'parcel.zip')
        expect([status, body.error?.code]).toEqual([413, 'UPLOAD_TOO_LARGE'])
        expect(body.error?.message).toContain('.prj')
      })

      it('as a boundary-point exchange file naming zone 37', async () => {
        const text = exchangeFile(37, prefixed)
        expectSameAnswer(await check({ boundaryPoints: text, industry: INDUSTRY }))
      })

      it('as an exchange file whose eastings carry no zone number', async () => {
        const text = exchangeFile(37, plain)
        expectSameAnswer(await check({ boundaryPoints: text, industry: INDUSTRY }))
      })

      it('as a J-list whose eastings alone carry the zone number', async () => {
        const text = surveyLines(prefixed).join('\n')
        const answer = await check({ boundaryPoints: text, industry: INDUSTRY })
        expectSameAnswer(answer)
        expect(answer.body.site.crs.code).toBe('EPSG:4525')
        expect(answer.body.site.crs.from).toContain('zone number 37')
        expect(answer.body.site.conversion.method).toContain('Gauss-Kruger')
      })

      it('as a J-list without the zone number, with crs EPSG:4546, as text or number', async () => {
        const text = ['点号,X,Y', ...surveyLines(plain)].join('\n')
        for (const crs of ['EPSG:4546', 4546]) {
          const answer = await check({ boundaryPoints: text, crs, industry: INDUSTRY })
          expectSameAnswer(answer)
          expect(answer.body.site.crs.code).toBe('EPSG:4546')
        }
      })

      it('as EWKT in the 6-degree zone on the same meridian, in its own code', async () => {
        // EPSG:4508 (6-degree, 111°E) projects as EPSG:4546 (3-degree, 111°E) does.
        const ring = [...plain, plain[0]!].map(([x, y]) => `${x} ${y}`).join(', ')
        const answer = await check({ wkt: `SRID=4508;POLYGON((${ring}))`, industry: INDUSTRY })
        expectSameAnswer(answer)
        expect(answer.body.site.crs.code).toBe('EPSG:4508')
        expect(answer.body.site.conversion.from).toBe('EPSG:4508')
      })

      it('as boundary points uploaded as a GBK text file', async () => {
        // Chinese Windows tools write the exchange file in GBK.
        const gbk = iconv.encode(exchangeFile(37, prefixed), 'gbk')
        expectSameAnswer(await upload(gbk, '界址点.txt'))
      })

      it('as GeoJSON, WKT and KML files uploaded', async () => {
        const geojson = JSON.stringify({ type: 'Feature', properties: {}, geometry: square })
        expectSameAnswer(await upload(geojson, 'site.geojson'))
        const text = lonLatRing()
          .map(([lon, lat]) => `${lon} ${lat}`)
          .join(', ')
        expectSameAnswer(await upload(`POLYGON((${text}))`, 'site.wkt'))
        expectSameAnswer(await upload(kmlDocument(lonLatRing()), 'site.kml'))
      })

      it('as lines of longitude, latitude, uploaded or typed, column names or not', async () => {
        const lines = (order: 'lonlat' | 'latlon') =>
          CORNERS.map(
            ([lon, lat], i) => `J${i + 1},${order === 'lonlat' ? [lon, lat] : [lat, lon]}`,
          )
        const csv = ['点号,经度,纬度', ...lines('lonlat')].join('\r\n')
        const listed = await upload(iconv.encode(csv, 'gbk'), '坐标.csv')
        expectSameAnswer(listed)
        expect(listed.body.site.format).toBe('coordinate-list')
        // The list left the ring open; the answer says it was closed.
        expect(listed.body.site.repairs.map((r) => r.kind)).toEqual(['closed-ring'])
        // Latitude first, as the column names say; and tab-separated pairs with no names.
        expectSameAnswer(await upload(['纬度\t经度', ...lines('latlon')].join('\n'), 'site.txt'))
        const bare = CORNERS.map(([lon, lat]) => `${lon}\t${lat}`).join('\n')
        expectSameAnswer(await check({ boundaryPoints: bare, industry: INDUSTRY }))
        // A spreadsheet's CSV: quoted cells, a remark column, empty cells left at the end.
        const sheet = [
          '"序号","经度","纬度","备注",',
          ...CORNERS.map(([lon, lat], i) => `"${i + 1}","${lon}","${lat}","角点${i + 1}",`),
          ',,,,',
        ].join('\r\n')
        expectSameAnswer(await upload(sheet, '坐标.csv'))
        expectSameAnswer(
          await check({
            boundaryPoints: `lat,lon\n${lines('latlon').join('\n')}`,
            industry: INDUSTRY,
          }),
        )
      })
    })

    it('puts a GCJ-02 point 300 m inside a unit in that unit only once converted', async () => {
      // The priority unit lies west of 112.1°E, the key unit east of it. A WGS84 point 300 m
      // west of that meridian reads, in GCJ-02, several hundred metres east: in the key unit.
      const lat = 27.075
      const wgs84: [number, number] = [112.1 - 300 / metresPerDegreeLon(lat), lat]
      const gcj = wgs84ToGcj02(wgs84)
      expect(gcj[0]).toBeGreaterThan(112.1)

      const point = { type: 'Point', coordinates: gcj }
      const raw = await check({ geometry: point, industry: INDUSTRY })
      expect(raw.body.units.map((u) => u.code)).toEqual(['ZH43042120001'])

      const converted = await check({ geometry: point, crs: 'gcj02', industry: INDUSTRY })
      expect(converted.body.units.map((u) => u.code)).toEqual(['ZH43042110001'])
      expect(converted.body.site.crs.code).toBe('gcj02')
      expect(converted.body.site.conversion).toMatchObject({ from: 'gcj02', errorBoundM: 1 })
      const wkt = await check({ wkt: `POINT(${gcj[0]} ${gcj[1]})`, crs: 'GCJ-02', industry: 'M73' })
      expect(wkt.body.units.map((u) => u.code)).toEqual(['ZH43042110001'])
    })

    describe('repairs', () => {
      it('closes a WKT ring whose last point is missing', async () => {
        const text = CORNERS.map(([lon, lat]) => `${lon} ${lat}`).join(', ')
        const answer = await check({ wkt: `POLYGON((${text}))`, industry: INDUSTRY })
        expectSameAnswer(answer)
        expect(answer.body.site.repairs.map((r) => r.kind)).toEqual(['closed-ring'])
      })

      it('makes valid a ring crossing itself near a corner, keeping the area drawn', async () => {
        // The south-west corner is drawn as a small twist: the ring starts a little north of
        // it, and the last edge comes back from a little east of it, crossing the first edge.
        const d = (EAST - WEST) / 20
        const ring = [
          [WEST, SOUTH + d],
          [EAST, SOUTH],
          [EAST, NORTH],
          [WEST, NORTH],
          [WEST + d, SOUTH],
          [WEST, SOUTH + d],
        ]
        const answer = await check({
          geometry: { type: 'Polygon', coordinates: [ring] },
          industry: INDUSTRY,
        })
        expect(answer.body.error).toBeUndefined()
        expect(answer.body.site.repairs.map((r) => r.kind)).toEqual(['made-valid'])
        expect(answer.body.site.repairs[0]!.message).toContain('edges cross')
        expect(answer.body.units.map((u) => u.code).sort()).toEqual(STRADDLED)
      })

      it('makes valid a ring that touches itself at a repeated point', async () => {
        // The outline runs through the middle of the south edge twice: two triangles meeting
        // at one point, each drawn the same way round, so the repair keeps the area drawn.
        const mid = (WEST + EAST) / 2
        const ring = [
          [WEST, SOUTH],
          [mid, SOUTH],
          [EAST, SOUTH],
          [EAST, NORTH],
          [mid, SOUTH],
          [WEST, NORTH],
          [WEST, SOUTH],
        ]
        const { status, body } = await check({
          geometry: { type: 'Polygon', coordinates: [ring] },
          industry: INDUSTRY,
        })
        expect(body.error).toBeUndefined()
        expect(status).toBe(200)
        expect(body.site.geometry.type).toBe('MultiPolygon')
        expect(body.site.repairs.map((r) => r.kind)).toEqual(['made-valid'])
        expect(body.site.repairs[0]!.message).toContain('touches itself')
      })
    })

    describe('bad input', () => {
      const lonLatText = lonLatRing()
        .map(([lon, lat]) => `${lon} ${lat}`)
        .join(', ')
      const swappedText = lonLatRing()
        .map(([lon, lat]) => `${lat} ${lon}`)
        .join(', ')
      const bowtie =
        `POLYGON((${WEST} ${SOUTH}, ${EAST} ${NORTH}, ` + `${EAST} ${SOUTH}, ${WEST} ${NORTH}))`
      const site = { type: 'Point', coordinates: [112.15, 27.075] }
      const tooMany = Array.from({ length: 10_001 }, (_, i) => `${112.1 + i * 1e-6} 27.02`)
      const longLine = `LINESTRING(${tooMany.join(',')})`

      // [case, body, status, code, field, words the message must hold]
      const cases: () => [string, object, number, string, string | undefined, string][] = () => {
        const [easting, northing] = prefixed[0]!.map(Math.round) as [number, number]
        return [
          [
            'two site fields',
            { geometry: site, wkt: 'POINT(112.15 27.075)', industry: INDUSTRY },
            400,
            'SITE_FIELDS_CONFLICT',
            'wkt',
            'geometry and wkt',
          ],
          ['no site field', { industry: INDUSTRY }, 400, 'PARAMETER_MISSING', 'geometry', 'wkt'],
          [
            'unfinished WKT',
            { wkt: `POLYGON((${lonLatText}`, industry: INDUSTRY },
            422,
            'WKT_INVALID',
            'wkt',
            'expected',
          ],
          [
            'WKT of an unsupported type',
            { wkt: 'GEOMETRYCOLLECTION(POINT(112 27))', industry: INDUSTRY },
            422,
            'WKT_INVALID',
            'wkt',
            'MULTIPOLYGON',
          ],
          [
            'KML that is not well-formed',
            { kml: '<kml><Placemark><Point>', industry: INDUSTRY },
            422,
            'KML_INVALID',
            'kml',
            'XML',
          ],
          [
            'KML whose coordinates cannot be read',
            {
              kml: kmlPoint('east,north'),
              industry: INDUSTRY,
            },
            422,
            'KML_INVALID',
            'kml',
            'Placemark 1',
          ],
          [
            'a J-list whose zone nothing names',
            { boundaryPoints: surveyLines(plain).join('\n'), industry: INDUSTRY },
            422,
            'ZONE_REQUIRED',
            'crs',
            'EPSG:4546',
          ],
          [
            'eastings of zone 37 with crs naming zone 38',
            {
              boundaryPoints: surveyLines(prefixed).join('\n'),
              crs: 'EPSG:4526',
              industry: INDUSTRY,
            },
            422,
            'ZONE_CONFLICT',
            'crs',
            '37',
          ],
          [
            'eastings of zone 37 in a file naming zone 38',
            { boundaryPoints: exchangeFile(38, prefixed), industry: INDUSTRY },
            422,
            'ZONE_CONFLICT',
            'boundaryPoints',
            '38',
          ],
          [
            'Gauss-Kruger WKT without a crs',
            {
              wkt: `POLYGON((${[...prefixed, prefixed[0]!].map((p) => p.join(' ')).join(',')}))`,
              industry: INDUSTRY,
            },
            422,
            'CRS_REQUIRED',
            'crs',
            'EPSG:4525',
          ],
          [
            'a Gauss-Kruger WKT point given northing first, without a crs',
            { wkt: `POINT(${northing} ${easting})`, industry: INDUSTRY },
            422,
            'CRS_REQUIRED',
            'crs',
            `wkt holds (${northing}, ${easting}), which are Gauss-Kruger metres ` +
              'with the northing first (give the easting first), not longitude/latitude;',
          ],
          [
            'a GeoJSON point in metres without a zone number and without a crs',
            { geometry: { type: 'Point', coordinates: plain[0] }, industry: INDUSTRY },
            422,
            'CRS_REQUIRED',
            'crs',
            'EPSG:4546',
          ],
          [
            'a point given latitude first',
            { geometry: { type: 'Point', coordinates: [27.075, 112.15] }, industry: INDUSTRY },
            422,
            'COORDINATES_SWAPPED',
            'geometry',
            'swapped',
          ],
          [
            'a WKT polygon given latitude first',
            { wkt: `POLYGON((${swappedText}))`, industry: INDUSTRY },
            422,
            'COORDINATES_SWAPPED',
            'wkt',
            'longitude first',
          ],
          [
            'a J-list with X and Y the wrong way round',
            {
              boundaryPoints: [...prefixed, prefixed[0]!]
                .map(([e, n], i) => `J${i + 1},${e.toFixed(3)},${n.toFixed(3)}`)
                .join('\n'),
              industry: INDUSTRY,
            },
            422,
            'COORDINATES_SWAPPED',
            'boundaryPoints',
            'northing',
          ],
          [
            'a site with too many vertices',
            {
              wkt: longLine,
              industry: INDUSTRY,
            },
            413,
            'SITE_TOO_COMPLEX',
            'wkt',
            '10000',
          ],
          [
            'a bow-tie whose halves cancel out',
            { wkt: bowtie, industry: INDUSTRY },
            422,
            'GEOMETRY_INVALID',
            'wkt',
            'cannot be told',
          ],
          [
            // 5 cm each way: finer than any overlap is counted, so it would lie in nothing.
            'a polygon site of a few square centimetres',
            {
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [112.05, 27.05],
                    [112.0500005, 27.05],
                    [112.0500005, 27.0500005],
                    [112.05, 27.0500005],
                    [112.05, 27.05],
                  ],
                ],
              },
              industry: INDUSTRY,
            },
            422,
            'SITE_TOO_SMALL',
            'geometry',
            'give it as a Point',
          ],
          [
            'a line site of a few millimetres',
            { wkt: 'LINESTRING(112.05 27.05, 112.05000005 27.05)', industry: INDUSTRY },
            422,
            'SITE_TOO_SMALL',
            'wkt',
            'at least 1 m',
          ],
          [
            'a site larger than 1,000 km²',
            {
              wkt: 'POLYGON((112 27, 112.4 27, 112.4 27.4, 112 27.4, 112 27))',
              industry: INDUSTRY,
            },
            422,
            'SITE_TOO_LARGE',
            'wkt',
            '1000 km²',
          ],
          [
            'an unknown crs',
            { geometry: site, crs: 'EPSG:3857', industry: INDUSTRY },
            422,
            'CRS_UNSUPPORTED',
            'crs',
            'EPSG:4534',
          ],
          [
            'an SRID that contradicts the crs',
            { wkt: 'SRID=4526;POINT(38500000 3000000)', crs: 'EPSG:4326', industry: INDUSTRY },
            422,
            'CRS_CONFLICT',
            'crs',
            'SRID',
          ],
          [
            'KML said to be in Gauss-Kruger metres',
            { kml: kmlPoint('112.15,27.075'), crs: 'EPSG:4525', industry: INDUSTRY },
            422,
            'CRS_CONFLICT',
            'crs',
            'longitude',
          ],
          [
            // No crs can make a KML of metres right, so the message must not ask for one.
            'KML holding Gauss-Kruger metres',
            { kml: kmlPoint('38515000,2996000'), industry: INDUSTRY },
            422,
            'CRS_CONFLICT',
            'kml',
            'Export the KML in WGS84 again',
          ],
          [
            'KML holding Gauss-Kruger metres, with a crs for them',
            { kml: kmlPoint('38515000,2996000'), crs: 'EPSG:4526', industry: INDUSTRY },
            422,
            'CRS_CONFLICT',
            'crs',
            'longitude, latitude by its standard',
          ],
          [
            'an exchange file in Xian 1980',
            {
              boundaryPoints: exchangeFile(37, prefixed).replace(
                '2000国家大地坐标系',
                '1980西安坐标系',
              ),
              industry: INDUSTRY,
            },
            422,
            'CRS_UNSUPPORTED',
            'boundaryPoints',
            'Xian 1980',
          ],
        ]
      }
      it('answers each with its own 4xx, code, field and message', async () => {
        for (const [name, body, status, code, field, words] of cases()) {
          const response = await server.postJson('/api/admission-check', body)
          const answer = (await response.json()) as { error: Record<string, string> }
          expect({ name, status: response.status, ...answer.error }).toMatchObject({
            name,
            status,
            code,
            field,
          })
          expect(answer.error.message, name).toContain(words)
        }
      })

      it('checks a site of a few square metres like any other', async () => {
        // 2 m each way (0.00002° of latitude is 2.2 m), wholly in the key unit.
        const [lon, lat, d] = [112.17, 27.07, 0.00002]
        const ring = [
          [lon, lat],
          [lon + d, lat],
          [lon + d, lat + d],
          [lon, lat + d],
          [lon, lat],
        ]
        const answer = await check({
          geometry: { type: 'Polygon', coordinates: [ring] },
          industry: INDUSTRY,
        })
        expect(answer.status).toBe(200)
        expect(answer.body.units.map((unit) => unit.code)).toEqual([STRADDLED[0]])
      })

      it('names an overflowing coordinate as it came, not as JSON would write it', async () => {
        // 1e999 reads as Infinity, which JSON.stringify would show as null.
        const answer = await check({ wkt: 'POINT(1e999 27.05)', industry: INDUSTRY })
        expect(answer.status).toBe(422)
        expect(answer.body.error).toMatchObject({ code: 'GEOMETRY_INVALID', field: 'wkt' })
        expect(answer.body.error?.message).toContain('[Infinity, 27.05]')
      })

      it('refuses an upload over 5 MB with a 413 naming the limit', async () => {
        // Just over the limit goes through the form parser; far over it is refused at once.
        for (const size of [5 * 1024 * 1024 + 1024, 8 * 1024 * 1024]) {
          const { status, body } = await upload(Buffer.alloc(size, 0x20), 'big.txt')
          expect(status).toBe(413)
          expect(body.error?.code).toBe('UPLOAD_TOO_LARGE')
          expect(body.error?.message).toContain('5 MB')
        }
      })

      it('refuses a file of no known format, a bare .shp and a zip of two Shapefiles', async () => {
        const text = await upload('hello, world', 'notes.txt')
        expect([text.status, text.body.error?.code]).toEqual([422, 'FILE_UNRECOGNISED'])
        // Files uploaded by mistake are named for what they are.
        const office = writeZip([
          { name: '[Content_Types].xml', data: '<Types/>' },
          { name: 'xl/workbook.xml', data: '<workbook/>' },
        ])
        for (const [bytes, name, kind] of [
          [Buffer.from('%PDF-1.4\n%…'), '环评报告.pdf', 'PDF'],
          [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'site.png', 'PNG'],
          [office, '坐标.xlsx', 'Office document'],
        ] as const) {
          const answer = await upload(bytes, name)
          expect([answer.status, answer.body.error?.code], name).toEqual([422, 'FILE_UNRECOGNISED'])
          expect(answer.body.error?.message, name).toContain(kind)
        }
        // A DXF holds numbers on lines of their own; it is named, not read as boundary points.
        const dxf = [
          '0',
          'SECTION',
          '2',
          'ENTITIES',
          '0',
          'LWPOLYLINE',
          '10',
          '112.18',
          '20',
          '27.05',
        ]
        const drawing = await upload(
          `${dxf.join('\r\n')}\r\n0\r\nENDSEC\r\n0\r\nEOF\r\n`,
          'site.dxf',
        )
        expect([drawing.status, drawing.body.error?.code]).toEqual([422, 'FILE_UNRECOGNISED'])
        expect(drawing.body.error?.message).toContain('DXF')

        const { shp, shx, dbf } = writeShapefile({
          records: [{ shape: { type: 'point', position: prefixed[0]! }, attributes: {} }],
          fields: [{ name: 'ID', type: 'N', length: 4 }],
          encoding: 'utf-8',
        })
        const bare = await upload(shp, 'parcel.shp')
        expect([bare.status, bare.body.error?.code]).toEqual([422, 'FILE_UNRECOGNISED'])

        const zip = writeZip([
          { name: 'a.shp', data: shp },
          { name: 'a.shx', data: shx },
          { name: 'a.dbf', data: dbf },
          { name: 'b.shp', data: shp },
        ])
        const two = await upload(zip, 'parcels.zip')
        expect([two.status, two.body.error?.code, two.body.error?.field]).toEqual([
          422,
          'SHAPEFILE_INVALID',
          'site',
        ])
      })

      it('refuses a file and a site field together', async () => {
        const { status, body } = await upload(kmlDocument(lonLatRing()), 'site.kml', {
          wkt: 'POINT(112.15 27.075)',
        })
        expect([status, body.error?.code]).toEqual([400, 'SITE_FIELDS_CONFLICT'])
        expect(body.error?.message).toContain('wkt and site')
      })

      it('says which neighbouring zone a site read in the wrong one lies in', async () => {
        // The square in CM 111E (EPSG:4546) eastings, said to be CM 114E (EPSG:4547): 3° east.
        const ring = [...plain, plain[0]!].map(([e, n]) => `${e} ${n}`).join(', ')
        const { status, body } = await check({
          wkt: `POLYGON((${ring}))`,
          crs: 'EPSG:4547',
          industry: INDUSTRY,
        })
        expect([status, body.error?.code]).toEqual([422, 'OUTSIDE_COVERAGE'])
        expect(body.error?.message).toContain(
          'Read in the western neighbouring zone, EPSG:4546, it lies inside',
        )
        // Read in its own zone, it is the same site as ever.
        expectSameAnswer(
          await check({ wkt: `POLYGON((${ring}))`, crs: 'EPSG:4546', industry: INDUSTRY }),
        )
      })

      it('refuses a Shapefile in metres without a .prj or crs, suggesting the zone', async () => {
        const [sw, se, ne, nw] = prefixed
        const { shp, shx, dbf } = writeShapefile({
          records: [
            { shape: { type: 'polygon', rings: [[sw!, nw!, ne!, se!, sw!]] }, attributes: {} },
          ],
          fields: [{ name: 'ID', type: 'N', length: 4 }],
          encoding: 'utf-8',
        })
        const zip = writeZip([
          { name: 'p.shp', data: shp },
          { name: 'p.shx', data: shx },
          { name: 'p.dbf', data: dbf },
        ])
        const { status, body } = await upload(zip, 'parcel.zip')
        expect([status, body.error?.code, body.error?.field]).toEqual([422, 'CRS_REQUIRED', 'crs'])
        expect(body.error?.message).toContain('EPSG:4525')

        expectSameAnswer(await upload(zip, 'parcel.zip', { crs: 'EPSG:4525' }))
      })
    })
  })
}

function kmlDocument(ring: [number, number][]): string {
  const coordinates = ring.map(([lon, lat]) => `${lon},${lat},0`).join(' ')
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>项目用地</name>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates}</coordinates></LinearRing>
</outerBoundaryIs></Polygon></Placemark></Document></kml>`
}

function kmlPoint(coordinates: string): string {
  return `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Point>
<coordinates>${coordinates}</coordinates></Point></Placemark></kml>`
}
