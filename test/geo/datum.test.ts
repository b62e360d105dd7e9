import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'
import { parseLonLatCrs, toWgs84 } from '../../server/geo/datum.ts'
import { haversine } from '../support/geodesy.ts'

// Points spread over Hengyang: city centre, Nanyue, Qidong, Leiyang.
const HENGYANG: [number, number][] = [
  [112.572, 26.894],
  [112.69, 27.3],
  [111.95, 26.8],
  [112.91, 26.42],
]

describe('datum conversion', () => {
  it('leaves WGS84 and CGCS2000 positions as they are', () => {
    expect(toWgs84([112.5, 26.9], 'EPSG:4326')).toEqual([112.5, 26.9])
    expect(toWgs84([112.5, 26.9], 'EPSG:4490')).toEqual([112.5, 26.9])
  })

  it.each(HENGYANG)('inverts GCJ-02 at %f, %f to within 1 m of the WGS84 origin', (lon, lat) => {
    // The forward GCJ-02 offset is the published one; the inverse must undo it.
    const gcj = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
    const offset = haversine([lon, lat], gcj)
    expect(offset).toBeGreaterThan(100)
    expect(offset).toBeLessThan(1000)
    expect(haversine([lon, lat], toWgs84(gcj, 'gcj02'))).toBeLessThan(1)
  })

  it.each(HENGYANG)('inverts BD-09 at %f, %f to within 1 m of the WGS84 origin', (lon, lat) => {
    const bd = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.BD09) as [number, number]
    expect(haversine([lon, lat], toWgs84(bd, 'bd09'))).toBeLessThan(1)
  })

  it.each([
    ['EPSG:4326', 'EPSG:4326'],
    ['epsg:4490', 'EPSG:4490'],
    ['WGS84', 'EPSG:4326'],
    ['GCJ-02', 'gcj02'],
    ['bd09', 'bd09'],
    ['EPSG:3857', undefined],
    ['', undefined],
  ])('reads crs %j as %s', (text, crs) => {
    expect(parseLonLatCrs(text)).toBe(crs)
  })
})
