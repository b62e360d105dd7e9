import type { Geometry } from 'geojson'
import { parseGeoJsonShape } from '../../geo/geojson-geometry.ts'
import { describeValue } from '../../http/describe-value.ts'
import { HttpError, unprocessable } from '../../http/http-error.ts'
import { lonLatCrs, parseGeoJsonCrsName, type ChosenCrs } from '../../import/source-crs.ts'
import { combineGeometries, type RawSite } from './raw-site.ts'
import { crsCode, sameSystem } from './site-crs.ts'

/**
 * Reads a site from a GeoJSON value: a Point, LineString, Polygon or MultiPolygon, or a Feature
 * or FeatureCollection of them (several polygons become a MultiPolygon). Coordinates are WGS84
 * longitude/latitude (RFC 7946) unless `given` names their system. A `crs` member, which RFC
 * 7946 dropped but GDAL still writes, is honoured only when `given` names the same system, so
 * a stale member never moves a site silently. Throws a 422 naming the field and the problem.
 */
export function readGeoJsonSite(
  value: unknown,
  field: string,
  given: ChosenCrs | undefined,
): RawSite {
  const fail = (message: string): never => {
    throw unprocessable('GEOMETRY_INVALID', message, field)
  }
  if (typeof value === 'string') {
    const hint = /^\s*(SRID=|[A-Z]+\s*\()/i.test(value) ? ' WKT text goes in the wkt field.' : ''
    return fail(`${field} must be a GeoJSON geometry object, got a string.${hint}`)
  }
  if (!isObject(value)) return fail(`${field} must be a GeoJSON geometry object.`)
  checkCrsMember(value, field, given)

  // Errors name the path inside the value, and the request field as the field at fault.
  const shape = (part: unknown, path: string) => {
    try {
      return parseGeoJsonShape(part, path)
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      throw new HttpError(error.status, error.code, error.message, field)
    }
  }

  let geometry
  if (value.type === 'Feature') {
    geometry = shape(value.geometry, `${field}.geometry`)
  } else if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) return fail(`${field}.features must be an array.`)
    const geometries = value.features.map((feature: unknown, i): Geometry => {
      const at = `${field}.features[${i}]`
      if (!isObject(feature) || feature.type !== 'Feature') {
        return fail(`${at} must be a GeoJSON Feature.`)
      }
      return shape(feature.geometry, `${at}.geometry`)
    })
    geometry = combineGeometries(geometries, (why) => fail(`${field} is no single site: ${why}.`))
  } else {
    geometry = shape(value, field)
  }
  return { format: 'geojson', field, geometry, systems: 'any', repairs: [] }
}

function checkCrsMember(value: Record<string, unknown>, field: string, given?: ChosenCrs) {
  if (value.crs === undefined) return
  const properties =
    isObject(value.crs) && isObject(value.crs.properties) ? value.crs.properties : {}
  const name = typeof properties.name === 'string' ? properties.name : undefined
  const named = name === undefined ? undefined : parseGeoJsonCrsName(name)
  if (named && sameSystem(named, given?.crs ?? lonLatCrs('EPSG:4326'))) return

  const what = name === undefined ? 'a system without a name' : describeValue(name, 60)
  if (given) {
    throw unprocessable(
      'CRS_CONFLICT',
      `${field}.crs names ${what}, but crs says ${crsCode(given.crs)}; give the one the ` +
        'coordinates are in, and leave the other out.',
      'crs',
    )
  }
  throw unprocessable(
    'CRS_UNSUPPORTED',
    `${field}.crs names ${what}: GeoJSON sites are WGS84 longitude/latitude (RFC 7946 dropped ` +
      'the crs member). If the coordinates are in that system, say so in the crs field' +
      (named ? ` (crs: "${crsCode(named)}").` : '.'),
    field,
  )
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
