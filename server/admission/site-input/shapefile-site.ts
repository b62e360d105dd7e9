import type { Geometry } from 'geojson'
import { assertVertexLimit } from '../../geo/geojson-geometry.ts'
import { HttpError, unprocessable } from '../../http/http-error.ts'
import { ImportError } from '../../import/import-error.ts'
import { crsFromPrj } from '../../import/prj-wkt.ts'
import { HoleOutsideShellError, readShapefileFeatures } from '../../import/shapefile-reader.ts'
import type { ChosenCrs } from '../../import/source-crs.ts'
import type { ZipArchive, ZipMember } from '../../import/zip-archive.ts'
import { closeRings, combineGeometries, type RawSite } from './raw-site.ts'
import { HOLE_OUTSIDE_ADVICE } from './site-repair.ts'

/** The most a Shapefile's .shp may unpack to: far more than MAX_SITE_VERTICES need. */
export const MAX_UNPACKED_SHP_BYTES = 20 * 1024 * 1024
/** The most a .prj may unpack to: its WKT is a few hundred bytes. */
export const MAX_PRJ_BYTES = 64 * 1024

/**
 * Reads a site from the Shapefile `shp` of an uploaded zip archive (possibly in a folder): the
 * geometries of its records as one site (several polygons become a MultiPolygon), and the
 * system its .prj names, read as the importer reads it. Attributes are not read. With `given`,
 * a .prj naming a system this service does not convert is passed over, as the caller named the
 * system. Throws a 422 SHAPEFILE_INVALID or CRS_UNSUPPORTED naming the problem, a 422
 * GEOMETRY_INVALID for a hole outside its outer ring, or a 413 when the .shp unpacks past
 * MAX_UNPACKED_SHP_BYTES.
 */
export async function readShapefileSite(
  archive: ZipArchive,
  shp: ZipMember,
  upload: { field: string; name: string },
  given: ChosenCrs | undefined,
): Promise<RawSite> {
  const { field } = upload
  const file = `${upload.name} (${shp.name})`
  const fail = (message: string): never => {
    throw unprocessable('SHAPEFILE_INVALID', `${file} cannot be read: ${message}.`, field)
  }
  if (shp.size > MAX_UNPACKED_SHP_BYTES) {
    const megabytes = (shp.size / 1024 / 1024).toFixed(1)
    const limit = MAX_UNPACKED_SHP_BYTES / 1024 / 1024
    throw new HttpError(
      413,
      'UPLOAD_TOO_LARGE',
      `${shp.name} unpacks to ${megabytes} MB; a site's .shp may unpack to at most ${limit} MB.`,
      field,
    )
  }

  const stem = shp.name.slice(0, -'.shp'.length).toLowerCase()
  const prjMember = archive.members.find((m) => m.name.toLowerCase() === `${stem}.prj`)
  if (prjMember && prjMember.size > MAX_PRJ_BYTES) {
    throw new HttpError(
      413,
      'UPLOAD_TOO_LARGE',
      `${prjMember.name} unpacks to ${prjMember.size} bytes; a .prj, one line of WKT, may ` +
        `unpack to at most ${MAX_PRJ_BYTES} bytes.`,
      field,
    )
  }
  try {
    const [bytes, prjBytes] = await Promise.all([shp.read(), prjMember?.read()])
    const prj = prjBytes ? readPrj(prjBytes.toString('latin1'), file, field, given) : {}

    // Counted from the record headers first: assembling the rings of a polygon record costs
    // time with the square of their number, and 20 MB hold a hundred thousand rings.
    assertVertexLimit(countShpVertices(bytes), field)
    const features = await readShapefileFeatures(bytes, undefined, 'utf-8', file)
    const empty = features.findIndex((feature) => !feature.geometry)
    if (empty >= 0) fail(`record ${empty + 1} has no shape`)
    const geometries = features.map((feature) => feature.geometry as Geometry)
    const geometry = combineGeometries(geometries, (why) => fail(`it is no single site: ${why}`))
    const repairs = closeRings(geometry, (message) => fail(message))
    const { declared, notes } = prj
    return { format: 'shapefile', field, file, geometry, declared, systems: 'any', repairs, notes }
  } catch (error) {
    if (error instanceof HoleOutsideShellError) {
      // The file is read; its shape is no site, refused as the same shape in GeoJSON is.
      throw unprocessable(
        'GEOMETRY_INVALID',
        `${field} is not a valid site: ${file}, record ${error.feature}: a hole lies outside ` +
          `its outer ring, ${HOLE_OUTSIDE_ADVICE}.`,
        field,
      )
    }
    if (error instanceof ImportError) fail(error.message.replace(/\.$/, ''))
    throw error
  }
}

/** Shape types by the place of their point count in a record (ESRI Shapefile spec, 1998). */
const POINT_TYPES = new Set([1, 11, 21])
const MULTIPOINT_TYPES = new Set([8, 18, 28])
const PARTS_TYPES = new Set([3, 13, 23, 5, 15, 25, 31])

/**
 * The vertices a .shp's records declare, read from their headers without reading the shapes.
 * A file cut short counts the records it holds; the reader then says what is wrong with it.
 */
export function countShpVertices(shp: Buffer): number {
  let vertices = 0
  // A 100-byte file header, then records of an 8-byte header and their content.
  for (let at = 100; at + 12 <= shp.length;) {
    const contentBytes = shp.readInt32BE(at + 4) * 2
    const content = at + 8
    const type = shp.readInt32LE(content)
    if (POINT_TYPES.has(type)) vertices += 1
    else if (MULTIPOINT_TYPES.has(type) && content + 40 <= shp.length) {
      vertices += Math.max(0, shp.readInt32LE(content + 36))
    } else if (PARTS_TYPES.has(type) && content + 44 <= shp.length) {
      vertices += Math.max(0, shp.readInt32LE(content + 40))
    }
    if (contentBytes <= 0) break
    at = content + contentBytes
  }
  return vertices
}

function readPrj(
  prj: string,
  file: string,
  field: string,
  given: ChosenCrs | undefined,
): { declared?: ChosenCrs; notes?: string[] } {
  try {
    return { declared: { crs: crsFromPrj(prj, file), from: 'named by the .prj' } }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    // The importer's advice names its command-line option; here the system is a form field.
    const message = error.message
      .replace('give --crs', 'give crs')
      .replace('the importer', 'this service')
    if (given) return { notes: [`${message.split(':')[0]}; crs named the system instead.`] }
    throw unprocessable('CRS_UNSUPPORTED', `${file}: ${message}`, field)
  }
}
