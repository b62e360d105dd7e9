import { describe, expect, it } from 'vitest'
import { crsHint } from '../../server/import/crs-hint.ts'
import { parseGeoJsonCrsName, parseSourceCrs } from '../../server/import/source-crs.ts'

describe('crsHint', () => {
  it('names the 3-degree zone from the prefix of the easting', () => {
    // Zone 38 is EPSG:4526 and zone 37 EPSG:4525 in the EPSG registry.
    expect(crsHint(38_361_893.65, 2_976_199.77)).toContain('--crs EPSG:4526')
    expect(crsHint(37_630_156.93, 2_976_115.04)).toContain('--crs EPSG:4525')
  })

  it('names the 6-degree zone from a prefix of 13 to 23', () => {
    // 6-degree zone 19 (central meridian 111°E) is EPSG:4497.
    expect(crsHint(19_630_156.93, 2_976_115.04)).toContain('--crs EPSG:4497')
  })

  it('says the zone cannot be told without a prefix, and gives both Hengyang zones', () => {
    const hint = crsHint(361_893.65, 2_976_199.77)
    expect(hint).toContain('cannot be told')
    expect(hint).toContain('EPSG:4546')
    expect(hint).toContain('EPSG:4547')
  })

  it('recognises swapped latitude and longitude, and a survey list northing first', () => {
    expect(crsHint(26.89, 112.61)).toContain('swapped')
    expect(crsHint(2_976_199.77, 38_361_893.65)).toContain('northing first')
  })

  it('suggests the longitude/latitude systems for longitude/latitude', () => {
    expect(crsHint(2.29, 48.85)).toContain('gcj02')
  })
})

describe('parseSourceCrs', () => {
  it('takes the longitude/latitude names and the Gauss-Kruger codes', () => {
    expect(parseSourceCrs('EPSG:4490')).toMatchObject({ kind: 'lonlat', datum: 'EPSG:4490' })
    expect(parseSourceCrs('GCJ02')).toMatchObject({ kind: 'lonlat', datum: 'gcj02' })
    expect(parseSourceCrs('bd09')).toMatchObject({ kind: 'lonlat', datum: 'bd09' })
    expect(parseSourceCrs('epsg:4526')?.name).toBe(
      'EPSG:4526 (CGCS2000 / 3-degree Gauss-Kruger zone 38)',
    )
    expect(parseSourceCrs('EPSG:4547')?.name).toBe(
      'EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E)',
    )
  })

  it('returns undefined for systems it does not convert', () => {
    for (const name of ['EPSG:2362', 'EPSG:3857', 'EPSG:4555', 'xian80', '4526']) {
      expect(parseSourceCrs(name), name).toBeUndefined()
    }
  })
})

describe('parseGeoJsonCrsName', () => {
  it('reads the URN and short forms GDAL writes', () => {
    expect(parseGeoJsonCrsName('urn:ogc:def:crs:OGC:1.3:CRS84')?.name).toContain('EPSG:4326')
    expect(parseGeoJsonCrsName('urn:ogc:def:crs:EPSG::4547')?.name).toContain('EPSG:4547')
    expect(parseGeoJsonCrsName('EPSG:4490')?.name).toContain('EPSG:4490')
    expect(parseGeoJsonCrsName('urn:ogc:def:crs:EPSG::2362')).toBeUndefined()
  })
})
