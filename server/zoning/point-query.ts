import { LONLAT_CRS, parseLonLatCrs, toWgs84, type LonLatCrs } from '../geo/datum.ts'
import { badRequest } from '../http/http-error.ts'
import { refuseUnknownParameters } from '../http/query-parameters.ts'

export interface PointQuery {
  /** WGS84 longitude and latitude, degrees. */
  lon: number
  lat: number
  /** The position as given, before conversion. */
  input: { lon: number; lat: number; crs: LonLatCrs }
}

/**
 * Reads `lon`, `lat` and the optional `crs` (default EPSG:4326) of a query string and converts
 * the point to WGS84. Throws a 400 naming the field for a missing, non-numeric or out-of-range
 * value, an unknown crs, or a parameter it does not take.
 */
export function parsePointQuery(query: Record<string, string | string[] | undefined>): PointQuery {
  refuseUnknownParameters(query, ['lon', 'lat', 'crs'])
  const crsText = single(query.crs, 'crs') ?? 'EPSG:4326'
  const crs = parseLonLatCrs(crsText)
  if (!crs) {
    const message = `crs must be one of ${LONLAT_CRS.join(', ')}, got "${crsText.slice(0, 40)}".`
    throw badRequest('CRS_UNSUPPORTED', message, 'crs')
  }
  const lon = coordinate(query.lon, 'lon', 180)
  // Read up to 180 first, so a longitude given as lat gets the swap hint below.
  const lat = coordinate(query.lat, 'lat', 180, 90)
  if (Math.abs(lat) > 90) {
    // A latitude beyond 90 is most often a longitude given in the wrong parameter.
    const swap = Math.abs(lon) <= 90 ? ' lon and lat look swapped; give the longitude as lon.' : ''
    throw badRequest(
      'COORDINATE_OUT_OF_RANGE',
      `lat must be between -90 and 90, got ${lat}.${swap}`,
      'lat',
    )
  }
  const [wgsLon, wgsLat] = toWgs84([lon, lat], crs)
  return { lon: wgsLon, lat: wgsLat, input: { lon, lat, crs } }
}

function coordinate(
  value: string | string[] | undefined,
  field: string,
  limit: number,
  shownLimit = limit,
): number {
  const text = single(value, field)
  if (text === undefined || text.trim() === '') {
    throw badRequest('PARAMETER_MISSING', `${field} is required, in decimal degrees.`, field)
  }
  // Number() would also read hexadecimal, binary and "Infinity"; degrees are plain decimals.
  const number = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : NaN
  if (!Number.isFinite(number)) {
    const message = `${field} must be a number in decimal degrees, got "${text.slice(0, 40)}".`
    throw badRequest('COORDINATE_INVALID', message, field)
  }
  if (Math.abs(number) > limit) {
    const message = `${field} must be between -${shownLimit} and ${shownLimit}, got ${number}.`
    throw badRequest('COORDINATE_OUT_OF_RANGE', message, field)
  }
  return number
}

function single(value: string | string[] | undefined, field: string): string | undefined {
  if (Array.isArray(value)) {
    throw badRequest('PARAMETER_REPEATED', `${field} must be given once.`, field)
  }
  return value
}
