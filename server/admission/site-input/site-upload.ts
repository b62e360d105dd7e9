import multer from '@koa/multer'
import type { Context } from 'koa'
import { HttpError, badRequest, unprocessable } from '../../http/http-error.ts'
import { undecodableMessage, undecodablePath } from '../../http/undecodable-text.ts'
import { ImportError } from '../../import/import-error.ts'
import type { ChosenCrs } from '../../import/source-crs.ts'
import { openZipBuffer } from '../../import/zip-archive.ts'
import { readBoundaryPoints } from './boundary-points.ts'
import { readCoordinateList } from './coordinate-list.ts'
import { readGeoJsonSite } from './geojson-site.ts'
import { readKmlSite } from './kml-site.ts'
import type { RawSite } from './raw-site.ts'
import { readShapefileSite } from './shapefile-site.ts'
import { decodeText } from './site-text.ts'
import { readWktSite } from './wkt-site.ts'

/** The largest file, and the largest text field, a check may upload. */
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024
const LIMIT_MB = UPLOAD_LIMIT_BYTES / 1024 / 1024
// Room for the form's boundaries, headers and small fields around one file.
const FORM_OVERHEAD_BYTES = 64 * 1024

/** A file uploaded with a check, held in memory. */
export interface UploadedFile {
  /** The form field it came in. */
  field: string
  /** Its name on the sender's machine, as messages name it. */
  name: string
  bytes: Buffer
}

export interface MultipartBody {
  /** The text fields: each a string, or a string array when sent more than once. */
  fields: Record<string, unknown>
  file: UploadedFile | undefined
}

const options = {
  storage: multer.memoryStorage(),
  limits: {
    fileSize: UPLOAD_LIMIT_BYTES,
    fieldSize: UPLOAD_LIMIT_BYTES,
    files: 1,
    fields: 10,
    parts: 11,
  },
  // Browsers send file names as raw UTF-8, which multer would read as Latin-1 (十 → å).
  defParamCharset: 'utf8',
}
const upload = multer(options)
const anyParts = upload.any()

/**
 * Reads a multipart/form-data body (with @koa/multer, into memory): its text fields and at most
 * one file, under any field name. Throws a 413 UPLOAD_TOO_LARGE naming the limit for a file or
 * field over UPLOAD_LIMIT_BYTES (at once, from Content-Length, when the body is plainly larger),
 * and a 400 for a malformed body, a second file or too many fields.
 */
export async function readMultipart(ctx: Context): Promise<MultipartBody> {
  const length = Number(ctx.get('content-length'))
  if (length > UPLOAD_LIMIT_BYTES + FORM_OVERHEAD_BYTES) {
    // Reading a body that cannot fit would only waste the connection's time.
    ctx.set('Connection', 'close')
    const megabytes = (length / 1024 / 1024).toFixed(1)
    throw new HttpError(
      413,
      'UPLOAD_TOO_LARGE',
      `The upload is ${megabytes} MB; a site file may be at most ${LIMIT_MB} MB.`,
    )
  }
  try {
    await anyParts(ctx, async () => {})
  } catch (error) {
    throw uploadError(error)
  }

  const fields = (ctx.request.body ?? {}) as Record<string, unknown>
  // Fields are read as UTF-8, as browsers send them; text in another encoding would be kept as
  // replacement marks, in the stored input and its hash too.
  const undecodable = undecodablePath(fields)
  if (undecodable !== undefined) {
    throw badRequest('TEXT_NOT_UTF8', undecodableMessage(undecodable), undecodable || undefined)
  }
  const files = (ctx.request.files ?? []) as multer.File[]
  const [file] = files
  return {
    fields,
    file: file && {
      field: file.fieldname,
      name: file.originalname || 'the upload',
      bytes: file.buffer,
    },
  }
}

function uploadError(error: unknown): Error {
  const { code, field } = error as { code?: string; field?: string }
  switch (code) {
    case 'LIMIT_FILE_SIZE':
    case 'LIMIT_FIELD_VALUE':
      return new HttpError(
        413,
        'UPLOAD_TOO_LARGE',
        `${field ?? 'The upload'} is larger than ${LIMIT_MB} MB, the most a site file may be.`,
        field,
      )
    case 'LIMIT_FILE_COUNT':
      return badRequest('UPLOAD_INVALID', 'Upload one file, the site; this form holds more.', field)
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
      return badRequest(
        'UPLOAD_INVALID',
        'The form has too many fields: it takes one site file or field, crs, industry and ' +
          'projectKind.',
      )
    default:
      return badRequest('BODY_INVALID', 'The multipart/form-data body is malformed.')
  }
}

/**
 * Reads the site in an uploaded file, telling its format from its content, not its name: a zip
 * archive holding one Shapefile (.shp, .prj; .shx and .dbf may come along) or a KMZ, GeoJSON,
 * KML, WKT, a list of longitudes and latitudes (see readCoordinateList), or boundary points as
 * an exchange file or a plain list. Text is decoded as decodeText says. Throws a 422
 * FILE_UNRECOGNISED when it is none of these (naming a DXF, PDF, image or Office document for
 * what it is), or the format's own error.
 */
export async function readUploadedSite(
  file: UploadedFile,
  given: ChosenCrs | undefined,
): Promise<RawSite> {
  const { bytes, field } = file
  if (bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) return readArchive(file, given)
  const other = OTHER_FILES.find(({ signature }) => startsWith(bytes, signature))
  if (other) {
    throw unprocessable(
      'FILE_UNRECOGNISED',
      `${file.name} is ${other.kind}, which holds no coordinates to read: upload the site as a ` +
        'zipped Shapefile, KML, GeoJSON, WKT or a list of coordinates.',
      field,
    )
  }
  if (bytes.subarray(0, 4).equals(SHP_SIGNATURE)) {
    throw unprocessable(
      'FILE_UNRECOGNISED',
      `${file.name} is a bare .shp: zip it together with its .prj (and .shx, .dbf) and upload ` +
        'the zip.',
      field,
    )
  }

  const text = decodeText(bytes)
  const start = text.trimStart()
  const site = (raw: RawSite): RawSite => ({ ...raw, file: file.name })
  if (SURVEY_SECTION.test(start)) return site(readBoundaryPoints(text, field))
  if (/^[{[]/.test(start)) {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      const reason = (error as Error).message.slice(0, 120)
      const message = `${file.name} looks like JSON but is not valid JSON (${reason}).`
      throw unprocessable('GEOMETRY_INVALID', message, field)
    }
    return site(readGeoJsonSite(value, field, given))
  }
  if (start.startsWith('<')) return site(readKmlSite(text, field))
  if (/^(SRID\s*=|(MULTI)?(POINT|LINESTRING|POLYGON)|GEOMETRYCOLLECTION)/i.test(start)) {
    return site(readWktSite(text, field))
  }
  if (/^0\s*\r?\n\s*SECTION\s*$/m.test(start.slice(0, 40))) {
    throw unprocessable(
      'FILE_UNRECOGNISED',
      `${file.name} is a DXF drawing, which is not read here: export the site's outline from ` +
        'the drawing as a Shapefile (zipped), KML or a list of boundary points.',
      field,
    )
  }
  const listed = readCoordinateList(text, field)
  if (listed) return site(listed)
  if (/^[^\n]*\d+(\.\d+)?\s*[,，\s]\s*\d/m.test(text)) {
    return site(readBoundaryPoints(text, field))
  }
  throw unprocessable(
    'FILE_UNRECOGNISED',
    `${file.name} is none of the formats a site is read from: a zipped Shapefile, GeoJSON, ` +
      'KML or KMZ, WKT, boundary points (an exchange file or lines of point, X, Y), or lines ' +
      'of longitude, latitude.',
    field,
  )
}

const SURVEY_SECTION = /^[[【]\s*(属性描述|地块坐标)/
/** Files people upload by mistake, by the bytes they start with. */
const OTHER_FILES = [
  { kind: 'a PDF document', signature: Buffer.from('%PDF-') },
  { kind: 'a PNG image', signature: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  { kind: 'a JPEG image', signature: Buffer.from([0xff, 0xd8, 0xff]) },
  { kind: 'a GIF image', signature: Buffer.from('GIF8') },
  // Excel 97–2003 and Word 97–2003: the OLE compound file.
  { kind: 'an Office 97–2003 document', signature: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) },
]
const startsWith = (bytes: Uint8Array, signature: Buffer) =>
  signature.equals(bytes.subarray(0, signature.length))
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const SHP_SIGNATURE = Buffer.from([0x00, 0x00, 0x27, 0x0a])

async function readArchive(file: UploadedFile, given: ChosenCrs | undefined): Promise<RawSite> {
  const { field } = file
  // A zip is taken for a Shapefile's unless it is named as KML's.
  const archiveCode = /\.kmz$/i.test(file.name) ? 'KML_INVALID' : 'SHAPEFILE_INVALID'
  const archive = await openZipBuffer(file.bytes, file.name).catch((error: unknown) => {
    if (!(error instanceof ImportError)) throw error
    throw unprocessable(archiveCode, `${file.name}: ${error.message}`, field)
  })
  try {
    const names = archive.members.map((m) => m.name)
    const shapefiles = archive.members.filter((m) => /\.shp$/i.test(m.name))
    if (shapefiles.length === 1) {
      return await readShapefileSite(archive, shapefiles[0]!, file, given)
    }
    if (shapefiles.length > 1) {
      throw unprocessable(
        'SHAPEFILE_INVALID',
        `${file.name} holds ${shapefiles.length} Shapefiles (${names.join(', ').slice(0, 200)}); ` +
          'upload a zip with the one that outlines the site.',
        field,
      )
    }

    // The main file of a KMZ is doc.kml by convention; without one, Google Earth reads the
    // first .kml of the archive and ignores the others.
    const kml = archive.members.filter((m) => /\.kml$/i.test(m.name))
    const doc = kml.find((m) => /(^|\/)doc\.kml$/i.test(m.name)) ?? kml[0]
    if (doc) {
      if (doc.size > UPLOAD_LIMIT_BYTES) {
        const message = `${doc.name} unpacks to more than ${LIMIT_MB} MB, the most a site may be.`
        throw new HttpError(413, 'UPLOAD_TOO_LARGE', message, field)
      }
      const bytes = await doc.read().catch((error: unknown) => {
        if (!(error instanceof ImportError)) throw error
        throw unprocessable('KML_INVALID', `${file.name}: ${error.message}`, field)
      })
      const raw = readKmlSite(decodeText(bytes), field)
      return { ...raw, file: `${file.name} (${doc.name})` }
    }
    if (names.includes('[Content_Types].xml')) {
      // Excel, Word and PowerPoint files are zip archives of XML parts.
      throw unprocessable(
        'FILE_UNRECOGNISED',
        `${file.name} is an Office document, which is not read here: save the sheet of ` +
          'coordinates as CSV (longitude and latitude columns) and upload that.',
        field,
      )
    }
    const held = names.length > 0 ? names.join(', ').slice(0, 200) : 'nothing'
    throw unprocessable(
      'SHAPEFILE_INVALID',
      `${file.name} holds no Shapefile (.shp with its .prj) and no KML; it holds ${held}.`,
      field,
    )
  } catch (error) {
    if (error instanceof ImportError) {
      throw unprocessable(archiveCode, `${file.name}: ${error.message}`, field)
    }
    throw error
  } finally {
    archive.close()
  }
}
