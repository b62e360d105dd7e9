import { describe, expect, it } from 'vitest'
import { readCoordinateList } from '../../../server/admission/site-input/coordinate-list.ts'

const read = (text: string) => readCoordinateList(text, 'boundaryPoints')

describe('readCoordinateList', () => {
  it('reads one pair as a point, two as a line, three or more as a polygon', () => {
    expect(read('112.5, 26.9')?.geometry).toEqual({ type: 'Point', coordinates: [112.5, 26.9] })
    expect(read('112.5 26.9\n112.6 26.9')?.geometry.type).toBe('LineString')
    const triangle = read('112.5,26.9\n112.6,26.9\n112.6,27.0\n112.5,26.9')!
    expect(triangle.geometry.type).toBe('Polygon')
    expect(triangle.repairs).toEqual([])
    // Back to the start after one other point: no area, a line there and back.
    expect(read('112.5,26.9\n112.6,26.9\n112.5,26.9')?.geometry.type).toBe('LineString')
  })

  it('closes an open ring and says so', () => {
    const site = read('112.5,26.9\n112.6,26.9\n112.6,27.0')!
    expect(site.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [112.5, 26.9],
          [112.6, 26.9],
          [112.6, 27.0],
          [112.5, 26.9],
        ],
      ],
    })
    expect(site.repairs.map((r) => r.kind)).toEqual(['closed-ring'])
  })

  it('takes the order from column names, longitude first without them', () => {
    const point = { type: 'Point', coordinates: [112.5, 26.9] }
    for (const text of [
      '点号,经度,纬度\nJ1,112.5,26.9',
      '纬度,经度\n26.9,112.5',
      'Latitude;Longitude\n26.9;112.5',
      'lng\tlat\n112.5\t26.9',
      '\uFEFF# 界址点\n\n112.5，26.9\n',
    ]) {
      expect(read(text)?.geometry, text).toEqual(point)
    }
  })

  it('reads spreadsheet exports: quoted cells, empty cells and lines, other columns', () => {
    const point = { type: 'Point', coordinates: [112.5, 26.9] }
    for (const text of [
      '"经度","纬度"\r\n"112.5","26.9"\r\n',
      '经度,纬度,,\n112.5,26.9,,\n,,,\n',
      '序号,经度,纬度,备注\n1,112.5,26.9,厂界东北角',
      '点名,北纬,东经\nJ1,26.9,112.5',
      'WGS84纬度;WGS84经度\n26.9;112.5',
    ]) {
      expect(read(text)?.geometry, text).toEqual(point)
    }
  })

  it('reads degrees, minutes and seconds, west and south negative', () => {
    // 112°30′ is 112.5°; 26°54′ is 26.9°.
    const cases: [string, number[]][] = [
      [`J1,112°30'00",26°54'00"`, [112.5, 26.9]],
      ['112°30′0″E，26°54′0″N', [112.5, 26.9]],
      ['经度,纬度\n112° 30′ 36″,26° 54.6′', [112.51, 26.91]],
      [`112°30'W,26°54'S`, [-112.5, -26.9]],
    ]
    for (const [text, [lon, lat]] of cases) {
      const site = read(text)
      expect(site?.geometry.type, text).toBe('Point')
      const [x, y] = (site!.geometry as { coordinates: number[] }).coordinates
      expect(x, text).toBeCloseTo(lon!, 9)
      expect(y, text).toBeCloseTo(lat!, 9)
    }
    // 60 minutes or seconds is no such value.
    expect(read(`112°60'00",26°54'00"`)).toBeUndefined()
  })

  it('leaves metres, rings and anything else to the boundary-point reader', () => {
    for (const text of [
      'J1,3000000.5,38500000.5',
      'J1,1,26.9,112.5',
      '112.5,26.9\n3000000,500000',
      '112.5,26.9,10',
      'hello, world',
      '',
      '点号,经度,纬度',
      '112.5,26.9\n112.6,abc',
    ]) {
      expect(read(text), text).toBeUndefined()
    }
  })
})
