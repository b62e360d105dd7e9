import type { Geometry } from 'geojson'
import { describe, expect, it } from 'vitest'
import type { FeatureRow } from '../../server/import/feature-rows.ts'
import { reprojectRows } from '../../server/import/geometry-reproject.ts'
import { ImportError } from '../../server/import/import-error.ts'
import { parseSourceCrs, type ChosenCrs } from '../../server/import/source-crs.ts'

const chosen = (name: string, from = 'given by --crs'): ChosenCrs => ({
  crs: parseSourceCrs(name)!,
  from,
})
const row = (geometry: Geometry, number = 1): FeatureRow => ({ number, geometry, values: {} })
const square = (x: number, y: number, d: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
})

const failure = (rows: FeatureRow[], crs: ChosenCrs): ImportError => {
  try {
    reprojectRows(rows, crs, 'f.geojson')
  } catch (error) {
    if (error instanceof ImportError) return error
    throw error
  }
  throw new Error('no failure')
}

describe('reprojectRows', () => {
  it('refuses eastings of one zone read as another zone-prefixed system', () => {
    const zone38: Geometry = { type: 'Point', coordinates: [38_450_000, 2_980_000] }
    const error = failure([row(zone38)], chosen('EPSG:4527'))
    expect(error.message).toMatch(/zone number 38, but .*zone 39/)
    expect(error.feature).toBe(1)
  })

  it('converts zone-38 Gauss-Kruger to the longitude/latitude PostGIS projected it from', () => {
    // ST_Transform(ST_SetSRID(ST_MakePoint(112.61, 26.89), 4490), 4526) on PostGIS 3.3 / PROJ.
    const point: Geometry = { type: 'Point', coordinates: [38361893.65340532, 2976199.77368099] }
    const [converted] = reprojectRows([row(point)], chosen('EPSG:4526'), 'f')
    const [lon, lat] = (converted!.geometry as { coordinates: number[] }).coordinates
    expect(lon).toBeCloseTo(112.61, 9)
    expect(lat).toBeCloseTo(26.89, 9)
  })

  it('refuses projected coordinates read as longitude/latitude, naming the zone to give', () => {
    const lonLat = chosen('EPSG:4326', 'the GeoJSON default, RFC 7946')
    const error = failure(
      [row(square(112.6, 26.88, 0.01), 1), row(square(38361893, 2976199, 100), 2)],
      lonLat,
    )
    expect(error.feature).toBe(2)
    expect(error.message).toContain('are projected, not longitude/latitude')
    expect(error.message).toContain('the GeoJSON default, RFC 7946')
    expect(error.message).toContain('--crs EPSG:4526')
  })

  it('calls a latitude past 90° or a longitude past 180° out of range, not projected', () => {
    const lonLat = chosen('EPSG:4326', 'the GeoJSON default, RFC 7946')
    for (const [x, y] of [
      [112.6, 95],
      [500, 26.9],
    ]) {
      const error = failure([row({ type: 'Point', coordinates: [x!, y!] })], lonLat)
      expect(error.message).toMatch(
        new RegExp(`^Coordinates \\(${x}, ${y}\\) are out of range for EPSG:4326 \\(WGS84`),
      )
      expect(error.message).toMatch(/: longitude lies within ±180° and latitude within ±90°\.$/)
      expect(error.message).not.toContain('projected')
    }
  })

  it('refuses positions that land outside China, saying the CRS is probably wrong', () => {
    // Zone-38 eastings read as if they had no zone number lie past the projection's reach.
    const error = failure([row(square(38361893, 2976199, 100))], chosen('EPSG:4547'))
    expect(error.message).toContain('fall nowhere on the earth')
    expect(error.message).toContain('the CRS is probably wrong')
    expect(error.message).toContain('--crs EPSG:4526')
  })

  it('names the hemispheres, and says when positions fall nowhere on the earth', () => {
    // Zone 38's false origin lies at 114°E; 100,000 km north of it is past the pole.
    const west = failure([row({ type: 'Point', coordinates: [38e6, 1e8] })], chosen('EPSG:4526'))
    expect(west.message).toMatch(/fall at \d+\.\d+°W, \d+\.\d+°N, outside China/)
    const far = { type: 'Point', coordinates: [1e12, 3e6] } as Geometry
    const nowhere = failure([row(far)], chosen('EPSG:4547'))
    expect(nowhere.message).toContain('fall nowhere on the earth: the CRS is probably wrong.')
    expect(nowhere.message).not.toContain('Infinity')
  })

  it('refuses an unclosed ring and a position that is not two numbers', () => {
    const open: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [112.6, 26.88],
          [112.62, 26.88],
          [112.62, 26.9],
          [112.6, 26.9],
        ],
      ],
    }
    expect(failure([row(open)], chosen('EPSG:4326')).message).toContain('not closed')
    const point = { type: 'Point', coordinates: ['112.6', 26.88] } as unknown as Geometry
    expect(failure([row(point)], chosen('EPSG:4326')).message).toContain('finite numbers')
  })

  it('drops heights and keeps the attributes', () => {
    const point: Geometry = { type: 'Point', coordinates: [112.6, 26.88, 55] }
    const [converted] = reprojectRows(
      [{ number: 1, geometry: point, values: { name: '取水口' } }],
      chosen('EPSG:4490'),
      'f',
    )
    expect(converted).toEqual({
      number: 1,
      geometry: { type: 'Point', coordinates: [112.6, 26.88] },
      values: { name: '取水口' },
    })
  })
})
