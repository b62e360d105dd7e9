import { describe, expect, it } from 'vitest'
import { readBoundaryPoints } from '../../../server/admission/site-input/boundary-points.ts'
import type { HttpError } from '../../../server/http/http-error.ts'

// A 100 m square in zone 38 with the zone number in front of the eastings, and a 20 m hole.
const OUTER = [
  ['J1', 2996000, 38500000],
  ['J2', 2996000, 38500100],
  ['J3', 2996100, 38500100],
  ['J4', 2996100, 38500000],
  ['J1', 2996000, 38500000],
] as const
const HOLE = [
  ['K1', 2996040, 38500040],
  ['K2', 2996060, 38500040],
  ['K3', 2996060, 38500060],
  ['K1', 2996040, 38500040],
] as const

const attributes = (overrides: Record<string, string> = {}) =>
  Object.entries({
    格式版本号: '1.01',
    坐标系: '2000国家大地坐标系',
    几度分带: '3',
    投影类型: '高斯克吕格',
    计量单位: '米',
    带号: '38',
    精度: '0.001',
    转换参数: ',,,,,,',
    ...overrides,
  }).map(([key, value]) => `${key}=${value}`)

const pointLines = (points: readonly (readonly [string, number, number])[], ring: number) =>
  points.map(([name, x, y]) => `${name},${ring},${x.toFixed(3)},${y.toFixed(3)}`)

const exchange = (options: { attributes?: string[]; parcels?: string[][] } = {}) =>
  [
    '[属性描述]',
    ...(options.attributes ?? attributes()),
    '[地块坐标]',
    ...(
      options.parcels ?? [
        ['9,1.0000,1,地块一,面,,工业用地,,@', ...pointLines(OUTER, 1), ...pointLines(HOLE, 2)],
      ]
    ).flat(),
  ].join('\r\n')

const refusal = (text: string): HttpError => {
  try {
    readBoundaryPoints(text, 'boundaryPoints')
  } catch (error) {
    return error as HttpError
  }
  throw new Error('the text was read')
}

describe('readBoundaryPoints', () => {
  it('reads an exchange file: X as the northing, Y as the easting, ring 2 as a hole', () => {
    const site = readBoundaryPoints(exchange(), 'boundaryPoints')
    expect(site.geometry).toEqual({
      type: 'Polygon',
      coordinates: [OUTER.map(([, x, y]) => [y, x]), HOLE.map(([, x, y]) => [y, x])],
    })
    expect(site.format).toBe('boundary-points')
    expect(site.systems).toBe('projected')
    expect(site.repairs).toEqual([])
    expect(site.notes).toEqual([])
  })

  it('takes the zone the attribute block names', () => {
    const site = readBoundaryPoints(exchange(), 'boundaryPoints')
    expect(site.declared?.crs).toMatchObject({
      kind: 'gauss-kruger',
      system: { centralMeridian: 114 },
    })
    expect(site.declared?.from).toContain('带号=38')
  })

  it('reads a 6-degree zone, full-width brackets and several parcels', () => {
    const text = exchange({
      attributes: attributes({ 几度分带: '6', 带号: '19' }),
      parcels: [
        ['5,1,1,一号地块,面,,,,@', ...pointLines(OUTER, 1)],
        ['4,1,2,二号地块,面,,,,@', ...pointLines(HOLE, 1)],
      ],
    }).replace('[属性描述]', '【属性描述】')
    const site = readBoundaryPoints(text, 'boundaryPoints')
    expect(site.geometry.type).toBe('MultiPolygon')
    expect(site.geometry.coordinates).toHaveLength(2)
    expect(site.declared?.crs).toMatchObject({ system: { centralMeridian: 111 } })
  })

  it('reads a parcel recorded as a line (线) as a LineString', () => {
    const text = exchange({
      parcels: [['3,0,1,管线,线,,,,@', ...pointLines(OUTER.slice(0, 3), 1)]],
    })
    expect(readBoundaryPoints(text, 'boundaryPoints').geometry.type).toBe('LineString')
  })

  it('reads plain lists of name, X, Y; X, Y; and name, ring, X, Y', () => {
    const expected = OUTER.map(([, x, y]) => [y, x])
    const lists = [
      ['点号 X坐标 Y坐标', ...OUTER.map(([n, x, y]) => `${n}\t${x}\t${y}`)],
      OUTER.map(([, x, y]) => `${x}, ${y}`),
      OUTER.map(([n, x, y]) => `${n}，1，${x}，${y}`),
    ]
    for (const lines of lists) {
      const site = readBoundaryPoints(lines.join('\n'), 'boundaryPoints')
      expect(site.geometry.coordinates, lines[0]).toEqual([expected])
      expect(site.declared).toBeUndefined()
      expect(site.notes?.[0]).toContain('CGCS2000')
    }
  })

  it('closes a ring whose last point is missing and says so', () => {
    const lines = OUTER.slice(0, 4).map(([n, x, y]) => `${n},${x},${y}`)
    const site = readBoundaryPoints(lines.join('\n'), 'boundaryPoints')
    expect(site.geometry.coordinates).toEqual([OUTER.map(([, x, y]) => [y, x])])
    expect(site.repairs.map((r) => r.kind)).toEqual(['closed-ring'])
  })

  it.each([
    [
      'a line that is no point',
      'J1,2996000,38500000\nJ2,abc,38500100\nJ3,2996100,38500100',
      'line 2',
    ],
    [
      'a list that closes its ring and goes on',
      [...OUTER, ...HOLE].map(([n, x, y]) => `${n},${x},${y}`).join('\n'),
      'closes at point J1 and goes on',
    ],
    [
      'a first point named again with other coordinates',
      [...OUTER.slice(0, 4), ['J1', 2996001, 38500000]].map((p) => p.join(',')).join('\n'),
      "repeats the first point's name",
    ],
    [
      'points before any parcel header',
      exchange().replace('9,1.0000,1,地块一,面,,工业用地,,@\r\n', ''),
      'before any parcel header',
    ],
    ['a file without points', exchange({ parcels: [] }), 'lists no points'],
    [
      'a parcel without ring 1',
      exchange({ parcels: [['4,1,1,地块,面,,,,@', ...pointLines(HOLE, 2)]] }),
      'no ring 1',
    ],
    [
      'a zone number over no part of China',
      exchange({ attributes: attributes({ 带号: '50' }) }),
      '带号=50',
    ],
    [
      'a zone width that contradicts the zone number',
      exchange({ attributes: attributes({ 几度分带: '6' }) }),
      'disagree',
    ],
    ['one point alone', 'J1,3000000,38500000', 'outer ring has 1 point; a ring needs at least 3'],
    [
      'two points',
      'J1,3000000,38500000\nJ2,3000010,38500000',
      'outer ring has 2 distinct points; a ring needs at least 3',
    ],
    [
      'a parcel of points',
      exchange({ parcels: [['1,0,1,界桩,点,,,,@', ...pointLines(OUTER.slice(0, 1), 1)]] }),
      '(点)',
    ],
  ])('refuses %s', (_, text, words) => {
    const error = refusal(text)
    expect([error.status, error.code, error.field]).toEqual([
      422,
      'BOUNDARY_POINTS_INVALID',
      'boundaryPoints',
    ])
    expect(error.message).toContain(words)
  })

  it.each([
    ['1980西安坐标系', 'Xian 1980'],
    ['1954北京坐标系', 'Beijing 1954'],
  ])('refuses coordinates in %s, which need a datum shift', (datum, words) => {
    const error = refusal(exchange({ attributes: attributes({ 坐标系: datum }) }))
    expect([error.status, error.code]).toEqual([422, 'CRS_UNSUPPORTED'])
    expect(error.message).toContain(words)
  })

  it('says when the attribute block leaves the datum unsaid', () => {
    const site = readBoundaryPoints(
      exchange({ attributes: attributes({ 坐标系: '' }) }),
      'boundaryPoints',
    )
    expect(site.notes?.[0]).toContain('taken as CGCS2000')
  })
})
