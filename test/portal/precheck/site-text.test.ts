import { describe, expect, it } from 'vitest'
import { readSiteText } from '../../../portal/src/precheck/site-text.ts'

describe('readSiteText', () => {
  it('sends GeoJSON, KML and WKT as they are, in their own fields', () => {
    const geojson = '{"type":"Point","coordinates":[112.1,27.05]}'
    expect(readSiteText(`  ${geojson}\n`)).toEqual({
      kind: 'site',
      field: 'geometry',
      value: geojson,
    })
    expect(readSiteText('<kml><Placemark/></kml>')).toMatchObject({ field: 'kml' })
    for (const wkt of [
      'POLYGON((1 2, 3 4, 5 6, 1 2))',
      'multipolygon (((1 2, 3 4, 5 6, 1 2)))',
      'SRID=4526;POINT(38500000 3000000)',
      'LineString Z (1 2 3, 4 5 6)',
    ]) {
      expect(readSiteText(wkt)).toEqual({ kind: 'site', field: 'wkt', value: wkt })
    }
  })

  it('makes lines of longitude and latitude a closed polygon', () => {
    const text = '112.08, 27.02\n112.145，27.02\r\n 112.145 27.03 \n\n112.08,27.03'
    expect(readSiteText(text)).toEqual({
      kind: 'site',
      field: 'wkt',
      value: 'POLYGON ((112.08 27.02, 112.145 27.02, 112.145 27.03, 112.08 27.03, 112.08 27.02))',
    })
  })

  it('keeps a ring that already returns to its first pair', () => {
    const text = '112.08,27.02;112.145,27.02;112.145,27.03;112.08,27.02'
    expect(readSiteText(text)).toMatchObject({
      value: 'POLYGON ((112.08 27.02, 112.145 27.02, 112.145 27.03, 112.08 27.02))',
    })
  })

  it('makes one pair a point and two a line, in the order given', () => {
    expect(readSiteText('112.1, 27.05')).toMatchObject({ value: 'POINT (112.1 27.05)' })
    expect(readSiteText('27.05, 112.1')).toMatchObject({ value: 'POINT (27.05 112.1)' })
    expect(readSiteText('112.1 27.05; 112.2 27.06')).toMatchObject({
      value: 'LINESTRING (112.1 27.05, 112.2 27.06)',
    })
  })

  it('leaves metres and numbered points to the API as boundary points', () => {
    const survey = 'J1, 3001234.567, 38512345.678\nJ2, 3001300.000, 38512400.000'
    expect(readSiteText(survey)).toEqual({ kind: 'site', field: 'boundaryPoints', value: survey })
    expect(readSiteText('3001234.5 512345.6')).toMatchObject({ field: 'boundaryPoints' })
    const exchange = '[属性描述]\n坐标系=2000国家大地坐标系\n[地块坐标]\nJ1,1,3001234.5,38512345.6'
    expect(readSiteText(exchange)).toMatchObject({ field: 'boundaryPoints' })
  })

  it('tells an empty field from text it cannot read', () => {
    expect(readSiteText(' \n ')).toEqual({ kind: 'empty' })
    expect(readSiteText('衡阳县西渡镇')).toEqual({ kind: 'unrecognised' })
    expect(readSiteText('112.1')).toEqual({ kind: 'unrecognised' })
  })
})
