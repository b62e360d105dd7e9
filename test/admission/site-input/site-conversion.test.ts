import { describe, expect, it } from 'vitest'
import { readBoundaryPoints } from '../../../server/admission/site-input/boundary-points.ts'
import { readGeoJsonSite } from '../../../server/admission/site-input/geojson-site.ts'
import { readKmlSite } from '../../../server/admission/site-input/kml-site.ts'
import type { RawSite } from '../../../server/admission/site-input/raw-site.ts'
import { convertSite } from '../../../server/admission/site-input/site-conversion.ts'
import { parseSiteCrs } from '../../../server/admission/site-input/site-crs.ts'
import { readWktSite } from '../../../server/admission/site-input/wkt-site.ts'
import type { HttpError } from '../../../server/http/http-error.ts'

// The zoning is taken to cover Hengyang's longitudes, across the zone boundary at 112.5°E.
const covered = async () => ({ west: 111.5, east: 113.3 })
const point = (x: number, y: number) =>
  readGeoJsonSite({ type: 'Point', coordinates: [x, y] }, 'geometry', undefined)
const convert = (raw: RawSite, crs?: string) => convertSite(raw, parseSiteCrs(crs), covered)
const refusal = async (raw: RawSite, crs?: string): Promise<HttpError> => {
  try {
    await convert(raw, crs)
  } catch (error) {
    return error as HttpError
  }
  throw new Error('the site was converted')
}
const list = (lines: string[]) => readBoundaryPoints(lines.join('\n'), 'boundaryPoints')
/** A survey list of a 100 m triangle from point X (northing), Y (easting). */
const triangle = (x: number, y: number) =>
  list([`J1,${x},${y}`, `J2,${x},${y + 100}`, `J3,${x + 100},${y + 100}`])

describe('convertSite', () => {
  it('takes longitude/latitude as WGS84 by default and says so', async () => {
    const site = await convert(point(112.5, 26.9))
    expect(site.geometry).toEqual({ type: 'Point', coordinates: [112.5, 26.9] })
    expect(site.crs).toMatchObject({ code: 'EPSG:4326', from: expect.stringContaining('default') })
    expect(site.conversion.errorBoundM).toBe(0)
  })

  it('drops third ordinates', async () => {
    const site = await convert(readWktSite('POINT Z (112.5 26.9 60)', 'wkt'))
    expect(site.geometry.coordinates).toEqual([112.5, 26.9])
  })

  it('reads eastings with the zone number in front in the zone a plain code names', async () => {
    const site = await convert(point(37_500_000, 3_000_000), 'EPSG:4546')
    expect(site.crs.code).toBe('EPSG:4525')
    expect(site.crs.from).toContain('zone number 37 in front')
    // On the central meridian the easting is the false easting: the longitude is 111°E.
    expect(site.geometry.coordinates[0]).toBeCloseTo(111, 9)
  })

  it('reads eastings without the zone number in the zone a prefixed code names', async () => {
    const site = await convert(point(500_000, 3_000_000), 'EPSG:4526')
    expect(site.crs.code).toBe('EPSG:4547')
    expect(site.geometry.coordinates[0]).toBeCloseTo(114, 9)
  })

  it('takes the zone of boundary points from the number in front of the eastings', async () => {
    const site = await convert(triangle(3_000_000, 38_500_000))
    expect(site.crs.code).toBe('EPSG:4526')
  })

  it('asks for the zone of eastings that carry none, naming both Hengyang zones', async () => {
    const error = await refusal(triangle(3_000_000, 500_000))
    expect([error.status, error.code, error.field]).toEqual([422, 'ZONE_REQUIRED', 'crs'])
    expect(error.message).toContain('EPSG:4546 or EPSG:4547')
  })

  it.each([
    [
      'eastings of zone 38 with crs naming zone 37',
      ['J1,3000000,38500000', 'J2,3000000,38500100', 'J3,3000100,38500100'],
      'EPSG:4525',
      'crs',
    ],
    [
      'eastings of zones 37 and 38 together',
      ['J1,3000000,38500000', 'J2,3000000,37500000', 'J3,3000100,38500000'],
      undefined,
      'boundaryPoints',
    ],
    [
      'eastings with and without a zone number',
      ['J1,3000000,38500000', 'J2,3000000,500000', 'J3,3000100,38500000'],
      'EPSG:4526',
      'boundaryPoints',
    ],
  ])('refuses %s', async (_, lines, crs, field) => {
    const error = await refusal(list(lines), crs)
    expect([error.status, error.code, error.field]).toEqual([422, 'ZONE_CONFLICT', field])
  })

  it('refuses an attribute block naming another zone than crs', async () => {
    const text = [
      '[属性描述]',
      '带号=38',
      '[地块坐标]',
      '1,0,1,线,线,,,,@',
      'J1,1,3000000,38500000',
      'J2,1,3000100,38500000',
    ]
    const error = await refusal(readBoundaryPoints(text.join('\n'), 'boundaryPoints'), 'EPSG:4525')
    expect([error.code, error.field]).toEqual(['ZONE_CONFLICT', 'crs'])
  })

  it('asks for the system of metres given as degrees, naming the likely codes', async () => {
    const prefixed = await refusal(point(38_512_345, 2_990_000))
    expect([prefixed.code, prefixed.field]).toEqual(['CRS_REQUIRED', 'crs'])
    expect(prefixed.message).toContain('EPSG:4526')
    const plain = await refusal(point(512_345, 2_990_000))
    expect(plain.message).toContain('EPSG:4546 or EPSG:4547')
    const surveyOrder = await refusal(point(2_990_000, 38_512_345))
    expect(surveyOrder.message).toContain('northing first')
  })

  it('refuses metres under a named degree system as a conflict', async () => {
    const error = await refusal(point(38_512_345, 2_990_000), 'gcj02')
    expect([error.code, error.field]).toEqual(['CRS_CONFLICT', 'crs'])
  })

  it('refuses degrees under a Gauss-Kruger crs', async () => {
    const error = await refusal(point(112.5, 26.9), 'EPSG:4526')
    expect([error.code, error.field]).toEqual(['CRS_CONFLICT', 'crs'])
    expect(error.message).toContain('metres')
  })

  it.each([
    ['a point with latitude first', point(26.9, 112.5)],
    ['a site outside China that lies inside it swapped', point(40, 80)],
  ])('refuses %s as swapped', async (_, raw) => {
    const error = await refusal(raw)
    expect([error.code, error.field]).toEqual(['COORDINATES_SWAPPED', 'geometry'])
    expect(error.message).toContain('longitude first')
  })

  it('shows the swapped pair at one precision', async () => {
    const error = await refusal(point(26.33021, 112.33009))
    expect(error.message).toContain('(26.33, 112.33) has a latitude of 112.33;')
  })

  it('refuses survey lists whose X is the easting', async () => {
    const error = await refusal(triangle(38_500_000, 3_000_000))
    expect([error.code, error.field]).toEqual(['COORDINATES_SWAPPED', 'boundaryPoints'])
  })

  it('refuses coordinates that are neither degrees nor metres of China', async () => {
    const error = await refusal(point(200, 27))
    expect([error.code, error.field]).toEqual(['GEOMETRY_INVALID', 'geometry'])
  })

  it.each([
    [
      'a crs that contradicts the SRID',
      readWktSite('SRID=4526;POINT(38500000 3000000)', 'wkt'),
      'EPSG:4546',
      'ZONE_CONFLICT',
    ],
    [
      'a Gauss-Kruger crs for KML',
      readKmlSite(
        '<kml><Placemark><Point><coordinates>112,27</coordinates></Point></Placemark></kml>',
        'kml',
      ),
      'EPSG:4526',
      'CRS_CONFLICT',
    ],
    [
      'a degree crs for boundary points',
      triangle(3_000_000, 38_500_000),
      'EPSG:4490',
      'CRS_CONFLICT',
    ],
  ])('refuses %s', async (_, raw, crs, code) => {
    const error = await refusal(raw, crs)
    expect([error.code, error.field]).toEqual([code, 'crs'])
  })

  it('agrees with an SRID naming the same zone as crs in the other form', async () => {
    const raw = readWktSite('SRID=4526;POINT(38500000 3000000)', 'wkt')
    expect((await convert(raw, 'EPSG:4547')).geometry.coordinates[0]).toBeCloseTo(114, 9)
  })
})
