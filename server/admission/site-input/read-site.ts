import type { Queryable } from '../../db/database.ts'
import {
  assertVertexLimit,
  assertWithinLimits,
  sitePositions,
  type SiteGeometry,
} from '../../geo/geojson-geometry.ts'
import { describeValue } from '../../http/describe-value.ts'
import { findDuplicateKey, repeatedKeyMessage } from '../../http/duplicate-keys.ts'
import { badRequest, unprocessable } from '../../http/http-error.ts'
import type { ChosenCrs } from '../../import/source-crs.ts'
import { readBoundaryPoints } from './boundary-points.ts'
import { readCoordinateList } from './coordinate-list.ts'
import { readGeoJsonSite } from './geojson-site.ts'
import { readKmlSite } from './kml-site.ts'
import type { RawSite, SiteFormat, SiteRepair } from './raw-site.ts'
import { convertSite, type ConvertedSite, type CoveredLongitudes } from './site-conversion.ts'
import { parseSiteCrs, type SiteConversion } from './site-crs.ts'
import { repairSite } from './site-repair.ts'
import { readUploadedSite, type UploadedFile } from './site-upload.ts'
import { readWktSite } from './wkt-site.ts'

/** The fields that can carry a site; a check gives exactly one of them, or a file. */
export const SITE_FIELDS = ['geometry', 'wkt', 'kml', 'boundaryPoints'] as const

/** How the site was read, converted and repaired: the `site` of the answer. */
export interface SiteInput {
  format: SiteFormat
  /** The request field, or the form field of the file, the site came in. */
  field: string
  /** The uploaded file's name, and the archive member read. */
  file?: string
  crs: ConvertedSite['crs']
  conversion: SiteConversion
  /** Positions of the site as checked, rings' closing positions included. */
  vertices: number
  /** [west, south, east, north] in WGS84 degrees, of the site as checked. */
  bbox: [number, number, number, number]
  repairs: SiteRepair[]
  notes: string[]
}

export interface SiteRead {
  /** WGS84 longitude/latitude, valid, within the limits. */
  site: SiteGeometry
  input: SiteInput
  /** The site as the client sent it: a JSON value, a text, or a file's bytes. */
  source: { field: string; value: unknown }
}

/**
 * Reads the site of a check from the body's fields or an uploaded file: exactly one of
 * `geometry` (GeoJSON), `wkt`, `kml`, `boundaryPoints` or a file, in the system `crs` names
 * (see convertSite). In a form (`form`), `geometry` is JSON text. The site is converted to
 * WGS84, held to the vertex, extent and area limits, and repaired where that is unambiguous
 * (see repairSite). Throws a 4xx naming the field at fault.
 */
export async function readSite(
  db: Queryable,
  fields: Record<string, unknown>,
  file: UploadedFile | undefined,
  form: boolean,
): Promise<SiteRead> {
  const given = parseSiteCrs(fields.crs)
  return readSiteSource(db, pickSite(fields, file), file, form, given)
}

/** Where a site came: the field and its value as sent, or the file's field and its bytes. */
export type SiteSource = SiteRead['source']

/**
 * Reads the site `source` (from pickSite) in the system `given` as crs, as readSite does once
 * it has found the site and read the crs.
 */
export async function readSiteSource(
  db: Queryable,
  source: SiteSource,
  file: UploadedFile | undefined,
  form: boolean,
  given: ChosenCrs | undefined,
): Promise<SiteRead> {
  const raw =
    file && source.value === file.bytes
      ? await readUploadedSite(file, given)
      : readField(source.field, source.value, form, given)
  assertVertexLimit(sitePositions(raw.geometry).length, raw.field)

  const converted = await convertSite(raw, given, coveredLongitudes(db))
  assertWithinLimits(converted.geometry, raw.field)
  const checked = await repairSite(db, converted.geometry, raw.field)

  const positions = sitePositions(checked.geometry)
  const lons = positions.map((p) => p[0]!)
  const lats = positions.map((p) => p[1]!)
  const input: SiteInput = {
    format: raw.format,
    field: raw.field,
    ...(raw.file ? { file: raw.file } : {}),
    crs: converted.crs,
    conversion: converted.conversion,
    vertices: positions.length,
    bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
    repairs: [...raw.repairs, ...checked.repairs],
    notes: raw.notes ?? [],
  }
  return { site: checked.geometry, input, source }
}

/**
 * The one site field given, or the file. Throws a 400 PARAMETER_MISSING when there is none and
 * a 400 SITE_FIELDS_CONFLICT naming the second when there are more.
 */
export function pickSite(
  fields: Record<string, unknown>,
  file: UploadedFile | undefined,
): SiteSource {
  const given = SITE_FIELDS.filter((name) => {
    const value = fields[name]
    return value !== undefined && value !== null && value !== ''
  }).map((name) => ({ field: name as string, value: fields[name] }))
  if (file) given.push({ field: file.field, value: file.bytes })

  if (given.length === 0) {
    throw badRequest(
      'PARAMETER_MISSING',
      'A site is required: give one of geometry (GeoJSON), wkt, kml or boundaryPoints, or ' +
        'upload the site as a file.',
      'geometry',
    )
  }
  if (given.length > 1) {
    const names = given.map((g) => g.field)
    throw badRequest(
      'SITE_FIELDS_CONFLICT',
      `Give the site once: got ${names.slice(0, -1).join(', ')} and ${names.at(-1)}. A check ` +
        'takes one of geometry, wkt, kml, boundaryPoints or a file.',
      names[1],
    )
  }
  return given[0]!
}

function readField(
  field: string,
  value: unknown,
  form: boolean,
  given: ChosenCrs | undefined,
): RawSite {
  if (field === 'geometry') {
    if (form && typeof value === 'string') {
      let json: unknown
      try {
        json = JSON.parse(value)
      } catch {
        const message = 'geometry must be GeoJSON text in a form; it is not valid JSON.'
        throw unprocessable('GEOMETRY_INVALID', message, field)
      }
      const repeated = findDuplicateKey(value)
      if (repeated !== undefined) {
        const path = `${field}.${repeated}`
        throw badRequest('PARAMETER_REPEATED', repeatedKeyMessage(path), path)
      }
      return readGeoJsonSite(json, field, given)
    }
    return readGeoJsonSite(value, field, given)
  }

  // A list of degrees typed where boundary points go is read as what it is.
  const readers = {
    wkt: readWktSite,
    kml: readKmlSite,
    boundaryPoints: (text: string, field: string) =>
      readCoordinateList(text, field) ?? readBoundaryPoints(text, field),
  }
  const codes = {
    wkt: 'WKT_INVALID',
    kml: 'KML_INVALID',
    boundaryPoints: 'BOUNDARY_POINTS_INVALID',
  }
  const name = field as keyof typeof readers
  if (typeof value !== 'string') {
    const message = `${field} must be text, got ${describeValue(value)}.`
    throw unprocessable(codes[name], message, field)
  }
  return readers[name](value, field)
}

/** The longitudes of the zoning's units, to suggest zones; undefined when none is loaded. */
function coveredLongitudes(db: Queryable): CoveredLongitudes {
  return async () => {
    const [row] = await db.query<{ west: number | null; east: number | null }>(
      `SELECT ST_XMin(extent) AS west, ST_XMax(extent) AS east
         FROM (SELECT ST_Extent(geom) AS extent FROM control_units) units`,
    )
    if (row?.west == null || row.east == null) return undefined
    return { west: row.west, east: row.east }
  }
}
