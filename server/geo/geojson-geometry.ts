import type { Geometry, Position } from 'geojson'
import { unprocessable } from '../http/http-error.ts'

const SITE_TYPES = ['Point', 'LineString', 'Polygon', 'MultiPolygon'] as const
export type SiteGeometry = Extract<Geometry, { type: (typeof SITE_TYPES)[number] }>

/**
 * Checks that `value` is a GeoJSON Point, LineString, Polygon or MultiPolygon in lon/lat with
 * closed rings of four or more positions. Throws a 422 naming the field and the first problem
 * found; topology (self-intersection) is left to PostGIS.
 */
export function parseSiteGeometry(value: unknown, field = 'geometry'): SiteGeometry {
  const fail = (message: string): never => {
    throw unprocessable('GEOMETRY_INVALID', message, field)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`${field} must be a GeoJSON geometry object.`)
  }
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown }
  if (typeof type !== 'string' || !(SITE_TYPES as readonly string[]).includes(type)) {
    return fail(
      `${field}.type must be one of ${SITE_TYPES.join(', ')}, got ${JSON.stringify(type)}.`,
    )
  }
  if (!Array.isArray(coordinates)) return fail(`${field}.coordinates must be an array.`)

  const position = (p: unknown, at: string): Position => {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
      return fail(`${field}.coordinates${at} must be a [longitude, latitude] position.`)
    }
    if (!p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      return fail(`${field}.coordinates${at} must hold finite numbers.`)
    }
    const [lon, lat] = p as number[]
    if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) {
      return fail(
        `${field}.coordinates${at} = [${lon}, ${lat}] is not a longitude/latitude pair; ` +
          'GeoJSON takes WGS84 degrees in [longitude, latitude] order.',
      )
    }
    return p as Position
  }
  const line = (l: unknown, at: string, min: number): Position[] => {
    if (!Array.isArray(l) || l.length < min) {
      return fail(`${field}.coordinates${at} must hold at least ${min} positions.`)
    }
    return l.map((p, i) => position(p, `${at}[${i}]`))
  }
  const ring = (r: unknown, at: string): Position[] => {
    const positions = line(r, at, 4)
    const first = positions[0]!
    const last = positions[positions.length - 1]!
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return fail(`${field}.coordinates${at} is not closed: a ring ends where it starts.`)
    }
    return positions
  }
  const polygon = (p: unknown, at: string): Position[][] => {
    if (!Array.isArray(p) || p.length === 0) {
      return fail(`${field}.coordinates${at} must hold at least one ring.`)
    }
    return p.map((r, i) => ring(r, `${at}[${i}]`))
  }

  switch (type) {
    case 'Point':
      return { type, coordinates: position(coordinates, '') }
    case 'LineString':
      return { type, coordinates: line(coordinates, '', 2) }
    case 'Polygon':
      return { type, coordinates: polygon(coordinates, '') }
    default:
      if (coordinates.length === 0) return fail(`${field}.coordinates must hold a polygon.`)
      return {
        type: 'MultiPolygon',
        coordinates: coordinates.map((p, i) => polygon(p, `[${i}]`)),
      }
  }
}
