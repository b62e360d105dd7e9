import { describe, expect, it } from 'vitest'
import { readKmlSite } from '../../../server/admission/site-input/kml-site.ts'
import type { HttpError } from '../../../server/http/http-error.ts'

const kml = (placemarks: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">' +
  `<Document><Folder>${placemarks}</Folder></Document></kml>`

const ring = (coordinates: string) =>
  `<LinearRing><coordinates>${coordinates}</coordinates></LinearRing>`
const polygon = (outer: string, inner?: string) =>
  `<Polygon><outerBoundaryIs>${ring(outer)}</outerBoundaryIs>` +
  (inner ? `<innerBoundaryIs>${ring(inner)}</innerBoundaryIs>` : '') +
  '</Polygon>'

const SQUARE = '112,27,0 112.01,27,0 112.01,27.01,0 112,27.01,0 112,27,0'
const HOLE = '112.002,27.002 112.004,27.002 112.004,27.004 112.002,27.002'
const OTHER = '112.05,27 112.06,27 112.06,27.01 112.05,27'

const refusal = (text: string): HttpError => {
  try {
    readKmlSite(text, 'kml')
  } catch (error) {
    return error as HttpError
  }
  throw new Error('the text was read')
}

describe('readKmlSite', () => {
  it('reads a Placemark polygon with its inner ring, dropping altitudes later', () => {
    const site = readKmlSite(kml(`<Placemark>${polygon(SQUARE, HOLE)}</Placemark>`), 'kml')
    expect(site.geometry.type).toBe('Polygon')
    expect(site.geometry.coordinates).toHaveLength(2)
    expect(site.systems).toBe('lonlat')
  })

  it('makes a MultiPolygon of several Placemarks and of a MultiGeometry', () => {
    const placemarks = kml(
      `<Placemark>${polygon(SQUARE)}</Placemark>` +
        `<Placemark><MultiGeometry>${polygon(OTHER)}${polygon(OTHER)}</MultiGeometry></Placemark>`,
    )
    const site = readKmlSite(placemarks, 'kml')
    expect(site.geometry.type).toBe('MultiPolygon')
    expect(site.geometry.coordinates).toHaveLength(3)
  })

  it('reads a point and a line', () => {
    const point = kml(
      '<Placemark><Point><coordinates>112.1,27.05</coordinates></Point></Placemark>',
    )
    expect(readKmlSite(point, 'kml').geometry).toEqual({
      type: 'Point',
      coordinates: [112.1, 27.05],
    })
    const line = kml(
      '<Placemark><LineString><coordinates>112,27 112.1,27.1</coordinates>' +
        '</LineString></Placemark>',
    )
    expect(readKmlSite(line, 'kml').geometry.type).toBe('LineString')
  })

  it('reads a point written with spaces around its comma, and altitude', () => {
    const point = kml(
      '<Placemark><Point><coordinates> 112.1 , 27.05, 30 </coordinates></Point></Placemark>',
    )
    expect(readKmlSite(point, 'kml').geometry).toEqual({
      type: 'Point',
      coordinates: [112.1, 27.05, 30],
    })
  })

  it('reads a line written with spaces around its commas', () => {
    const line = kml(
      '<Placemark><LineString><coordinates>112.55, 26.88 112.6 ,26.9, 5</coordinates>' +
        '</LineString></Placemark>',
    )
    expect(readKmlSite(line, 'kml').geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [112.55, 26.88],
        [112.6, 26.9, 5],
      ],
    })
  })

  it('closes a ring whose last point is missing and says so', () => {
    const open = '112,27 112.01,27 112.01,27.01 112,27.01'
    const site = readKmlSite(kml(`<Placemark>${polygon(open)}</Placemark>`), 'kml')
    expect(site.repairs.map((r) => r.kind)).toEqual(['closed-ring'])
    expect((site.geometry.coordinates as number[][][])[0]).toHaveLength(5)
  })

  it.each([
    ['text that is not XML', 'POINT(112 27)', 'not well-formed XML'],
    ['unclosed elements', '<kml><Placemark><Point>', 'XML (unclosed xml tag(s): kml, Placemark'],
    ['XML that is not KML', '<gpx><wpt lat="27" lon="112"/></gpx>', 'root element is <gpx>'],
    [
      'an entity the document does not define',
      kml('<Placemark><name>&e;</name></Placemark>'),
      'XML',
    ],
    ['KML without Placemarks', kml(''), 'no Placemark'],
    [
      'KML that only links to other KML',
      kml('<NetworkLink><Link><href>http://example.org/site.kml</href></Link></NetworkLink>'),
      'it only links to other KML (NetworkLink), which is not fetched',
    ],
    [
      'a Placemark whose coordinates cannot be read',
      kml('<Placemark><name>厂区</name><Point><coordinates>a,b</coordinates></Point></Placemark>'),
      'Placemark 1 ("厂区")',
    ],
    [
      'a point beside a polygon',
      kml(
        `<Placemark>${polygon(SQUARE)}</Placemark>` +
          '<Placemark><Point><coordinates>112,27</coordinates></Point></Placemark>',
      ),
      '1 Polygon, 1 Point',
    ],
    [
      'a Point with two positions',
      kml('<Placemark><Point><coordinates>112.6,26.9 113.9,27.9</coordinates></Point></Placemark>'),
      'Point 1 holds more than one',
    ],
    [
      'MultiGeometry nested 5,000 deep',
      kml(
        '<Placemark>' +
          '<MultiGeometry>'.repeat(5000) +
          '<Point><coordinates>112.6,26.9</coordinates></Point>' +
          '</MultiGeometry>'.repeat(5000) +
          '</Placemark>',
      ),
      'nest',
    ],
  ])('refuses %s', (_, text, words) => {
    const error = refusal(text)
    expect([error.status, error.code, error.field]).toEqual([422, 'KML_INVALID', 'kml'])
    expect(error.message).toContain(words)
  })
})
