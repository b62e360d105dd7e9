import type { Position } from 'geojson'
import type { SiteGeometry } from '../../geo/geojson-geometry.ts'
import { unprocessable } from '../../http/http-error.ts'
import { closeRings, type RawSite } from './raw-site.ts'

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/
const SEPARATORS = /\s*[,，;；\t]\s*|\s+/

/**
 * Reads a plain list of longitude/latitude pairs in degrees, as consultants keep them in a CSV
 * or copy them from a web map: one pair per line, commas, tabs or spaces between, a point name
 * in front or not, and an optional first line of column names. Longitude comes first unless
 * the column names put the latitude first (纬度 before 经度, lat before lon). One pair is a
 * point, two a line, three or more a polygon, closed when the last pair does not repeat the
 * first (a repair the answer reports).
 *
 * Undefined when the text is no such list: a number beyond ±180 is metres, and the list is
 * left to the boundary-point reader. No Gauss-Kruger easting or northing is that small.
 */
export function readCoordinateList(text: string, field: string): RawSite | undefined {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  const header = lines[0] !== undefined && !/\d/.test(lines[0]) ? lines.shift() : undefined

  const pairs: [number, number][] = []
  for (const line of lines) {
    const fields = line.split(SEPARATORS).filter((f) => f !== '')
    // A point's name is a word or a whole number; a decimal in front is a coordinate, and three
    // coordinates are no pair.
    const named = fields.length === 3 && !/^[-+]?\d*\.\d*$/.test(fields[0]!)
    const numbers = named ? fields.slice(1) : fields
    if (numbers.length !== 2 || !numbers.every((f) => NUMBER.test(f))) return undefined
    const [a, b] = numbers.map(Number) as [number, number]
    if (Math.abs(a) > 180 || Math.abs(b) > 180) return undefined
    pairs.push(latitudeFirst(header) ? [b, a] : [a, b])
  }
  if (pairs.length === 0) return undefined

  const geometry = siteOf(pairs)
  const repairs = closeRings(geometry, (message) => {
    throw unprocessable('GEOMETRY_INVALID', `${field}: ${message}.`, field)
  })
  return { format: 'coordinate-list', field, geometry, systems: 'lonlat', repairs }
}

/** Whether column names give the latitude before the longitude. */
function latitudeFirst(header: string | undefined): boolean {
  if (!header) return false
  const lon = header.search(/经度|lon|lng/i)
  const lat = header.search(/纬度|lat/i)
  return lon >= 0 && lat >= 0 && lat < lon
}

function siteOf(pairs: Position[]): SiteGeometry {
  if (pairs.length === 1) return { type: 'Point', coordinates: pairs[0]! }
  const [first, last] = [pairs[0]!, pairs.at(-1)!]
  const distinct = first[0] === last[0] && first[1] === last[1] ? pairs.length - 1 : pairs.length
  // Fewer than three corners make no area: such a list is a line.
  if (distinct < 3) return { type: 'LineString', coordinates: pairs }
  return { type: 'Polygon', coordinates: [pairs] }
}
