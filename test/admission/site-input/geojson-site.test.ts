import { describe, expect, it } from 'vitest'
import { readGeoJsonSite } from '../../../server/admission/site-input/geojson-site.ts'
import { parseSiteCrs } from '../../../server/admission/site-input/site-crs.ts'
import type { HttpError } from '../../../server/http/http-error.ts'

const square = (west: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, 27],
      [west + 0.01, 27],
      [west + 0.01, 27.01],
      [west, 27],
    ],
  ],
})
const feature = (geometry: unknown) => ({ type: 'Feature', properties: {}, geometry })
const named = (name: string) => ({ type: 'name', properties: { name } })

const refusal = (value: unknown, crs?: string): HttpError => {
  try {
    readGeoJsonSite(value, 'geometry', parseSiteCrs(crs))
  } catch (error) {
    return error as HttpError
  }
  throw new Error('the value was read')
}

describe('readGeoJsonSite', () => {
  it('reads a geometry, a Feature, and a FeatureCollection of polygons as a MultiPolygon', () => {
    expect(readGeoJsonSite(square(112), 'geometry', undefined).geometry).toEqual(square(112))
    expect(readGeoJsonSite(feature(square(112)), 'geometry', undefined).geometry.type).toBe(
      'Polygon',
    )
    const collection = {
      type: 'FeatureCollection',
      features: [feature(square(112)), feature(square(112.1))],
    }
    const site = readGeoJsonSite(collection, 'geometry', undefined)
    expect(site.geometry.type).toBe('MultiPolygon')
    expect(site.geometry.coordinates).toHaveLength(2)
  })

  it('leaves coordinates in metres to the conversion', () => {
    const point = { type: 'Point', coordinates: [38500000, 3000000] }
    expect(readGeoJsonSite(point, 'geometry', undefined).geometry).toEqual(point)
  })

  it('takes a crs member naming WGS84, or the system crs names too', () => {
    const wgs84 = { ...square(112), crs: named('urn:ogc:def:crs:OGC:1.3:CRS84') }
    expect(() => readGeoJsonSite(wgs84, 'geometry', undefined)).not.toThrow()
    const projected = {
      type: 'Point',
      coordinates: [38500000, 3000000],
      crs: named('EPSG:4526'),
    }
    expect(() => readGeoJsonSite(projected, 'geometry', parseSiteCrs('EPSG:4547'))).not.toThrow()
  })

  it.each([
    ['a projected crs member that crs does not confirm', undefined, 'CRS_UNSUPPORTED', 'geometry'],
    ['a crs member that contradicts crs', 'EPSG:4525', 'CRS_CONFLICT', 'crs'],
  ])('refuses %s', (_, crs, code, field) => {
    const value = { type: 'Point', coordinates: [38500000, 3000000], crs: named('EPSG:4526') }
    const error = refusal(value, crs)
    expect([error.status, error.code, error.field]).toEqual([422, code, field])
    expect(error.message).toContain('EPSG:4526')
  })

  it.each([
    ['WKT text', 'POINT(112 27)', 'wkt field'],
    [
      'a collection of a point and a polygon',
      {
        type: 'FeatureCollection',
        features: [feature({ type: 'Point', coordinates: [112, 27] }), feature(square(112))],
      },
      '1 Point, 1 Polygon',
    ],
    [
      'a feature without a geometry',
      { type: 'FeatureCollection', features: [feature(null)] },
      'features[0].geometry',
    ],
    ['a collection without features', { type: 'FeatureCollection' }, 'features must be an array'],
  ])('refuses %s as GEOMETRY_INVALID', (_, value, words) => {
    const error = refusal(value)
    expect([error.status, error.code, error.field]).toEqual([422, 'GEOMETRY_INVALID', 'geometry'])
    expect(error.message).toContain(words)
  })
})
