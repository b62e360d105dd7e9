import type { Geometry, Position } from 'geojson'
import { crsHint } from './crs-hint.ts'
import type { FeatureRow } from './feature-rows.ts'
import { ImportError } from './import-error.ts'
import { toLonLat, type ChosenCrs } from './source-crs.ts'

// Longitude and latitude of anything in China, with a margin: a converted position outside this
// means the CRS was wrong, not that the feature lies abroad.
export const CHINA_BOUNDS = { west: 73, south: 3, east: 136, north: 54 }

const round = (n: number, digits: number) => Number(n.toFixed(digits))

/**
 * Converts the rows' geometries from `chosen.crs` to WGS84 longitude/latitude, 2D. Throws an
 * ImportError naming the feature when a position is not two finite numbers, a line has fewer
 * than two positions, a ring is not closed or has fewer than four, when longitude/latitude input
 * is plainly projected (|x| > 180 or |y| > 90), or when a converted position falls outside
 * China; the message says which --crs the raw coordinates look like. Pure.
 */
export function reprojectRows(rows: FeatureRow[], chosen: ChosenCrs, file: string): FeatureRow[] {
  const convert = toLonLat(chosen.crs)
  const lonLatInput = chosen.crs.kind === 'lonlat'
  // A zone-prefixed system's eastings start with its zone number: a different number means the
  // file is in another zone, and reading it in this one would land it hundreds of km away.
  const zonePrefix =
    chosen.crs.kind === 'gauss-kruger' && chosen.crs.system.falseEasting >= 1_000_000
      ? Math.floor(chosen.crs.system.falseEasting / 1_000_000)
      : undefined
  const as = `${chosen.crs.name}, ${chosen.from}`

  return rows.map((row) => {
    const fail = (message: string): never => {
      throw new ImportError(message, { file, feature: row.number })
    }

    const numeric = (p: Position): Position => {
      if (!Array.isArray(p) || p.length < 2 || !p.every((n) => Number.isFinite(n))) {
        const quoted = Array.isArray(p) && p.some((n) => typeof n === 'string')
        const advice = quoted ? ' Coordinates must be numbers, written without quotes.' : ''
        return fail(`A position is ${JSON.stringify(p)}, not two or three finite numbers.${advice}`)
      }
      return p
    }
    const point = (p: Position): Position => {
      const [x, y] = numeric(p) as [number, number]
      if (lonLatInput && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
        // Metres of a projected system run to thousands; a few hundred is a degree out of range.
        if (Math.abs(x) <= 1_000 && Math.abs(y) <= 1_000) {
          return fail(
            `Coordinates (${round(x, 6)}, ${round(y, 6)}) are out of range for ${as}: ` +
              'longitude lies within ±180° and latitude within ±90°.',
          )
        }
        return fail(
          `Coordinates (${round(x, 2)}, ${round(y, 2)}) are projected, not longitude/latitude ` +
            `as in ${as}. ${crsHint(x, y)}`,
        )
      }
      if (zonePrefix !== undefined && Math.floor(x / 1_000_000) !== zonePrefix) {
        return fail(
          `The easting ${round(x, 2)} carries zone number ${Math.floor(x / 1_000_000)}, but ` +
            `${as} is zone ${zonePrefix}. ${crsHint(x, y)}`,
        )
      }
      const [lon, lat] = convert([x, y])
      const { west, south, east, north } = CHINA_BOUNDS
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
        return fail(
          `Coordinates (${round(x, 6)}, ${round(y, 6)}) read as ${as} fall nowhere on the ` +
            `earth: the CRS is probably wrong. ${crsHint(x, y)}`,
        )
      }
      if (!(lon >= west && lon <= east && lat >= south && lat <= north)) {
        return fail(
          `Coordinates (${round(x, 6)}, ${round(y, 6)}) read as ${as}, fall at ` +
            `${place(lon, lat)}, outside China (${west}–${east}°E, ` +
            `${south}–${north}°N): the CRS is probably wrong. ${crsHint(x, y)}`,
        )
      }
      return [lon, lat]
    }
    const line = (l: Position[]): Position[] => {
      if (!Array.isArray(l) || l.length < 2) return fail('A line has fewer than two positions.')
      return l.map(point)
    }
    const ring = (r: Position[]): Position[] => {
      if (!Array.isArray(r) || r.length < 4) return fail('A ring has fewer than four positions.')
      // Positions first: text such as "112.6" would otherwise be reported as an unclosed ring.
      r.forEach(numeric)
      const first = r[0]!
      const last = r[r.length - 1]!
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return fail('A ring is not closed: it must end where it starts.')
      }
      return r.map(point)
    }
    const polygon = (p: Position[][]): Position[][] => {
      if (!Array.isArray(p) || p.length === 0) return fail('A polygon has no rings.')
      return p.map(ring)
    }
    const list = <T>(items: T[], what: string): T[] =>
      Array.isArray(items) && items.length > 0 ? items : fail(`The ${what} holds no parts.`)

    const g = row.geometry as Geometry & { coordinates: unknown }
    let geometry: Geometry
    switch (g.type) {
      case 'Point':
        geometry = { type: g.type, coordinates: point(g.coordinates) }
        break
      case 'LineString':
        geometry = { type: g.type, coordinates: line(g.coordinates) }
        break
      case 'MultiLineString':
        geometry = { type: g.type, coordinates: list(g.coordinates, g.type).map(line) }
        break
      case 'Polygon':
        geometry = { type: g.type, coordinates: polygon(g.coordinates) }
        break
      case 'MultiPolygon':
        geometry = { type: g.type, coordinates: list(g.coordinates, g.type).map(polygon) }
        break
      default:
        return fail(`Geometries of type ${g.type} are not converted.`)
    }
    return { ...row, geometry }
  })
}

/** A longitude and latitude as a map writes them: 61.5°W, 0.2°S. */
function place(lon: number, lat: number): string {
  const east = `${round(Math.abs(lon), 5)}°${lon < 0 ? 'W' : 'E'}`
  return `${east}, ${round(Math.abs(lat), 5)}°${lat < 0 ? 'S' : 'N'}`
}
