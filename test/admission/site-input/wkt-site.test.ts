import { describe, expect, it } from 'vitest'
import { readWktSite } from '../../../server/admission/site-input/wkt-site.ts'
import type { HttpError } from '../../../server/http/http-error.ts'

const refusal = (text: string): HttpError => {
  try {
    readWktSite(text, 'wkt')
  } catch (error) {
    return error as HttpError
  }
  throw new Error(`${text} was read`)
}

describe('readWktSite', () => {
  it('reads the four site types, keywords in any case', () => {
    expect(readWktSite('point (112.1 27.05)', 'wkt').geometry).toEqual({
      type: 'Point',
      coordinates: [112.1, 27.05],
    })
    expect(readWktSite('LineString(112 27,112.1 27.1)', 'wkt').geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [112, 27],
        [112.1, 27.1],
      ],
    })
    const polygon = readWktSite(
      'POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 2 2))',
      'wkt',
    ).geometry
    expect(polygon.type).toBe('Polygon')
    expect((polygon.coordinates as number[][][]).map((r) => r.length)).toEqual([5, 4])
    const multi = readWktSite(
      'MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))',
      'wkt',
    ).geometry
    expect(multi.type).toBe('MultiPolygon')
    expect(multi.coordinates).toHaveLength(2)
  })

  it('keeps x and y of positions with Z, M or ZM, tagged or not', () => {
    for (const text of [
      'POINT Z (112 27 55)',
      'POINTZ(112 27 55)',
      'POINT M (112 27 3)',
      'POINT ZM (112 27 55 3)',
      'POINT (112 27 55)',
      'POINT(1.12e2 2.7E1)',
    ]) {
      expect(readWktSite(text, 'wkt').geometry.coordinates, text).toEqual([112, 27])
    }
  })

  it('takes the system an SRID prefix names', () => {
    const site = readWktSite('SRID=4526;POINT(38500000 3000000)', 'wkt')
    expect(site.declared?.crs).toMatchObject({ kind: 'gauss-kruger' })
    expect(site.declared?.crs.name).toContain('EPSG:4526')
    expect(site.declared?.from).toContain('SRID=4526')
    expect(readWktSite(' srid=4490 ; POINT(112 27)', 'wkt').declared?.crs).toMatchObject({
      kind: 'lonlat',
      datum: 'EPSG:4490',
    })
  })

  it('closes a ring whose last point is missing and says so', () => {
    const site = readWktSite('POLYGON((0 0, 1 0, 1 1, 0 1))', 'wkt')
    expect(site.geometry.coordinates).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ])
    expect(site.repairs).toEqual([
      { kind: 'closed-ring', message: expect.stringContaining('outer ring') },
    ])
  })

  it.each([
    ['POLYGON((0 0, 1 0, 1 1', 'expected ")" but found the end of the text'],
    ['POINT(1 2) POINT(3 4)', 'goes on after the POINT with "POINT" at character 12'],
    ['POINT(1)', 'expected a position of 2 or 3 numbers but found 1'],
    ['POINT Z (1 2)', 'expected a position of 3 numbers but found 2'],
    ['POINT(1 2, 3 4)', 'expected ")" but found "," at character 10'],
    ['POINT EMPTY', 'EMPTY holds no site'],
    ['MULTILINESTRING((1 2, 3 4))', 'got "MULTILINESTRING"'],
    ['POLYGON((1 2, 3 a))', 'found 1 before "a" at character 17'],
    ['POINT(1 2) #', 'unexpected "#" at character 12'],
    ['LINESTRING(1 2)', 'at least 2 positions'],
    ['POLYGON((0 0, 1 1, 0 0))', 'outer ring has 2 distinct points'],
    ['', 'got nothing'],
  ])('refuses %j, saying %s', (text, words) => {
    const error = refusal(text)
    expect([error.status, error.code, error.field]).toEqual([422, 'WKT_INVALID', 'wkt'])
    expect(error.message).toContain(words)
  })

  it('refuses an SRID it does not convert', () => {
    const error = refusal('SRID=3857;POINT(12470000 3110000)')
    expect([error.code, error.field]).toEqual(['CRS_UNSUPPORTED', 'wkt'])
    expect(error.message).toContain('SRID=3857')
  })
})
