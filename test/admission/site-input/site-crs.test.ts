import { describe, expect, it } from 'vitest'
import {
  conversionOf,
  eastingPrefix,
  likelyGaussKruger,
  parseSiteCrs,
  sameSystem,
  zoneByNumber,
  zonesOver,
} from '../../../server/admission/site-input/site-crs.ts'
import type { HttpError } from '../../../server/http/http-error.ts'

const crs = (text: string) => parseSiteCrs(text)!.crs
// Hengyang's longitudes, about 111.5°E to 113.3°E, across 112.5°E.
const HENGYANG = { west: 111.5, east: 113.3 }

describe('parseSiteCrs', () => {
  it.each([
    ['EPSG:4326', 'EPSG:4326 (WGS84 longitude/latitude)'],
    ['cgcs2000', 'EPSG:4490 (CGCS2000 longitude/latitude)'],
    ['GCJ-02', 'GCJ-02 longitude/latitude'],
    ['bd09', 'BD-09 longitude/latitude'],
    ['EPSG:4525', 'EPSG:4525 (CGCS2000 / 3-degree Gauss-Kruger zone 37)'],
    ['4547', 'EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E)'],
    ['urn:ogc:def:crs:EPSG::4526', 'EPSG:4526 (CGCS2000 / 3-degree Gauss-Kruger zone 38)'],
    [4526, 'EPSG:4526 (CGCS2000 / 3-degree Gauss-Kruger zone 38)'],
    [4326, 'EPSG:4326 (WGS84 longitude/latitude)'],
  ])('reads %j', (text, name) => {
    expect(parseSiteCrs(text)).toEqual({
      crs: expect.objectContaining({ name }),
      from: 'given as crs',
    })
  })

  it('takes an absent or empty crs as none', () => {
    expect(parseSiteCrs(undefined)).toBeUndefined()
    expect(parseSiteCrs('')).toBeUndefined()
  })

  it.each([['EPSG:3857'], ['EPSG:4555'], [3857], [4526.5], [true], ['Xian 1980']])(
    'refuses %j',
    (value) => {
      let error: HttpError | undefined
      try {
        parseSiteCrs(value)
      } catch (thrown) {
        error = thrown as HttpError
      }
      expect([error?.status, error?.code, error?.field]).toEqual([422, 'CRS_UNSUPPORTED', 'crs'])
      expect(error?.message).toContain('EPSG:4513–4533')
    },
  )
})

describe('zones', () => {
  it('tells the width from the zone number, as China has them', () => {
    expect(zoneByNumber(38)).toEqual({ width: 3, number: 38, centralMeridian: 114 })
    expect(zoneByNumber(19)).toEqual({ width: 6, number: 19, centralMeridian: 111 })
    expect(zoneByNumber(24)).toBeUndefined()
    expect(zoneByNumber(50)).toBeUndefined()
  })

  it('finds both 3-degree zones over Hengyang', () => {
    expect(zonesOver(HENGYANG.west, HENGYANG.east).map((z) => z.number)).toEqual([37, 38])
  })

  it('reads the zone number in front of an easting', () => {
    expect(eastingPrefix(38_512_345.6)).toBe(38)
    expect(eastingPrefix(512_345.6)).toBe(0)
    expect(eastingPrefix(5_512_345.6)).toBeUndefined()
  })

  it('treats the two codes of one zone as one system, and no two zones', () => {
    expect(sameSystem(crs('EPSG:4525'), crs('EPSG:4546'))).toBe(true)
    expect(sameSystem(crs('EPSG:4525'), crs('EPSG:4526'))).toBe(false)
    expect(sameSystem(crs('EPSG:4490'), crs('EPSG:4326'))).toBe(true)
    expect(sameSystem(crs('gcj02'), crs('EPSG:4326'))).toBe(false)
    expect(sameSystem(crs('EPSG:4526'), crs('EPSG:4326'))).toBe(false)
  })

  it('suggests the zone an easting names, or every zone over the covered area', () => {
    expect(likelyGaussKruger(38_512_345, 2_990_000, HENGYANG)?.codes).toEqual(['EPSG:4526'])
    expect(likelyGaussKruger(19_512_345, 2_990_000, HENGYANG)?.codes).toEqual(['EPSG:4497'])
    const plain = likelyGaussKruger(512_345, 2_990_000, HENGYANG)
    expect(plain?.codes).toEqual(['EPSG:4546', 'EPSG:4547'])
    expect(plain?.why).toContain('cannot be told')
    expect(likelyGaussKruger(112.5, 27, HENGYANG)).toBeUndefined()
  })
})

describe('conversionOf', () => {
  it('names the method and its error bound for each system', () => {
    expect(conversionOf(crs('EPSG:4326'))).toMatchObject({ errorBoundM: 0, to: 'EPSG:4326' })
    expect(conversionOf(crs('gcj02'))).toMatchObject({ from: 'gcj02', errorBoundM: 1 })
    expect(conversionOf(crs('gcj02')).method).toContain('gcoord')
    expect(conversionOf(crs('EPSG:4526'))).toMatchObject({ from: 'EPSG:4526', errorBoundM: 1 })
    expect(conversionOf(crs('EPSG:4526')).method).toContain('114°E')
  })
})
