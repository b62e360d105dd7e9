import type { Geometry, Position } from 'geojson'
import { describeValue } from '../http/describe-value.ts'
import { HttpError, unprocessable } from '../http/http-error.ts'

const SITE_TYPES = ['Point', 'LineString', 'Polygon', 'MultiPolygon'] as const

/** The most vertices a site may have: far beyond any surveyed parcel or route. */
export const MAX_SITE_VERTICES = 10_000
/** The widest and tallest a site may be, in degrees (about 500 km): a project, not a region. */
export const MAX_SITE_EXTENT_DEGREES = 5
export type SiteGeometry = Extract<Geometry, { type: (typeof SITE_TYPES)[number] }>

/**
 * Checks that `value` is a GeoJSON Point, LineString, Polygon or MultiPolygon in lon/lat with
 * closed rings of four or more positions, within the site limits. Throws a 422 naming the field
 * and the first problem found; topology (self-intersection) is left to PostGIS.
 */
export function parseSiteGeometry(value: unknown, field = 'geometry'): SiteGeometry {
  const site = parseShape(value, field, true)
  assertWithinLimits(site, field)
  return site
}

/**
 * Checks the structure of a GeoJSON Point, LineString, Polygon or MultiPolygon as
 * parseSiteGeometry does, but takes its coordinates in whatever system they are in: the caller
 * names the system and converts them. The `crs` member is left for the caller to read.
 */
export function parseGeoJsonShape(value: unknown, field: string): SiteGeometry {
  return parseShape(value, field, false)
}

function parseShape(value: unknown, field: string, degrees: boolean): SiteGeometry {
  const fail = (message: string): never => {
    throw unprocessable('GEOMETRY_INVALID', message, field)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`${field} must be a GeoJSON geometry object.`)
  }
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown }
  if (typeof type !== 'string' || !(SITE_TYPES as readonly string[]).includes(type)) {
    return fail(
      `${field}.type must be one of ${SITE_TYPES.join(', ')}, got ${describeValue(type)}.`,
    )
  }
  if (!Array.isArray(coordinates)) return fail(`${field}.coordinates must be an array.`)
  const { crs } = value as { crs?: unknown }
  if (degrees && crs !== undefined && !/CRS84|4326|4490/.test(crsText(crs))) {
    // RFC 7946 dropped `crs`; a file that still names one may hold projected coordinates.
    throw unprocessable(
      'CRS_UNSUPPORTED',
      `${field}.crs names a coordinate system other than WGS84; GeoJSON sites must be in ` +
        'WGS84 longitude/latitude.',
      field,
    )
  }

  const position = (p: unknown, at: string): Position => {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
      return fail(`${field}.coordinates${at} must be a [longitude, latitude] position.`)
    }
    if (!p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      return fail(`${field}.coordinates${at} must hold finite numbers.`)
    }
    const [lon, lat] = p as number[]
    if (degrees && (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90)) {
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

/** Every position of a site, rings and parts one after another. */
export function sitePositions(site: SiteGeometry): Position[] {
  return site.type === 'Point'
    ? [site.coordinates]
    : site.type === 'LineString'
      ? site.coordinates
      : site.type === 'Polygon'
        ? site.coordinates.flat()
        : site.coordinates.flat(2)
}

/**
 * Throws a 413 when the site has more than MAX_SITE_VERTICES vertices, or a 422 when its
 * lon/lat extent passes MAX_SITE_EXTENT_DEGREES either way; `field` names the input at fault.
 */
export function assertWithinLimits(site: SiteGeometry, field: string) {
  const positions = sitePositions(site)
  assertVertexLimit(positions.length, field)
  const lons = positions.map((p) => p[0]!)
  const lats = positions.map((p) => p[1]!)
  const width = Math.max(...lons) - Math.min(...lons)
  const height = Math.max(...lats) - Math.min(...lats)
  if (width > MAX_SITE_EXTENT_DEGREES || height > MAX_SITE_EXTENT_DEGREES) {
    throw unprocessable(
      'SITE_TOO_LARGE',
      `${field} spans ${width.toFixed(2)}° by ${height.toFixed(2)}°; a site may span at most ` +
        `${MAX_SITE_EXTENT_DEGREES}° each way. Check the coordinate order and system.`,
      field,
    )
  }
}

/** Throws a 413 when a site of `vertices` vertices passes MAX_SITE_VERTICES. */
export function assertVertexLimit(vertices: number, field: string) {
  if (vertices > MAX_SITE_VERTICES) {
    throw new HttpError(
      413,
      'SITE_TOO_COMPLEX',
      `${field} has ${vertices} vertices; a site may have at most ${MAX_SITE_VERTICES}.`,
      field,
    )
  }
}

/** The start of a `crs` member as JSON; empty when it cannot be written (nested too deep). */
function crsText(crs: unknown): string {
  try {
    return JSON.stringify(crs).slice(0, 200)
  } catch {
    return ''
  }
}

/** The site with every position passed through `convert`, in the same shape. Pure. */
export function mapPositions(
  site: SiteGeometry,
  convert: (position: Position) => [number, number],
): SiteGeometry {
  const point = (p: Position): Position => convert(p)
  switch (site.type) {
    case 'Point':
      return { type: 'Point', coordinates: point(site.coordinates) }
    case 'LineString':
      return { type: 'LineString', coordinates: site.coordinates.map(point) }
    case 'Polygon':
      return { type: 'Polygon', coordinates: site.coordinates.map((r) => r.map(point)) }
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: site.coordinates.map((p) => p.map((r) => r.map(point))),
      }
  }
}
