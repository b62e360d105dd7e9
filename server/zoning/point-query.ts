import { LONLAT_CRS, parseLonLatCrs, toWgs84, type LonLatCrs } from '../geo/datum.ts'
import { badRequest, FieldProblems, HttpError } from '../http/http-error.ts'
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
 * value, an unknown crs, or a parameter it does not take; FieldProblems when several of crs, lon
 * and lat are wrong, in that order.
 */
export function parsePointQuery(query: Record<string, string | string[] | undefined>): PointQuery {
  refuseUnknownParameters(query, ['lon', 'lat', 'crs'])
  const problems: HttpError[] = []
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read()
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      problems.push(error)
      return undefined
    }
  }
  const crs = attempt(() => readCrs(query.crs))
  const lon = attempt(() => coordinate(query.lon, 'lon', 180))
  const lat = attempt(() => readLatitude(query.lat, lon))
  const [first, ...more] = problems
  if (first) throw more.length > 0 ? new FieldProblems([first, ...more]) : first
  const [wgsLon, wgsLat] = toWgs84([lon!, lat!], crs!)
  return { lon: wgsLon, lat: wgsLat, input: { lon: lon!, lat: lat!, crs: crs! } }
}

function readCrs(value: string | string[] | undefined): LonLatCrs {
  const crsText = single(value, 'crs') ?? 'EPSG:4326'
  const crs = parseLonLatCrs(crsText)
  if (!crs) {
    const message = `crs must be one of ${LONLAT_CRS.join(', ')}, got "${crsText.slice(0, 40)}".`
    throw badRequest('CRS_UNSUPPORTED', message, 'crs')
  }
  return crs
}

/** The latitude, read up to 180 first so that a longitude given as lat gets a hint. */
function readLatitude(value: string | string[] | undefined, lon: number | undefined): number {
  const lat = coordinate(value, 'lat', 180, 90)
  if (Math.abs(lat) > 90) {
    // A latitude beyond 90 is most often a longitude given in the wrong parameter.
    const swapped = lon !== undefined && Math.abs(lon) <= 90
    const swap = swapped ? ' lon and lat look swapped; give the longitude as lon.' : ''
    throw badRequest(
      'COORDINATE_OUT_OF_RANGE',
      `lat must be between -90 and 90, got ${lat}.${swap}`,
      'lat',
    )
  }
  return lat
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
