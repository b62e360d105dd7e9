import multer from '@koa/multer'
import type { IncomingMessage } from 'node:http'
import type { Context } from 'koa'
import { FieldProblems, HttpError, badRequest, unprocessable } from '../http/http-error.ts'
import { undecodableMessage, undecodablePath } from '../http/undecodable-text.ts'
import { stripPhotoMetadata, type CleanPhoto } from './photo-metadata.ts'

export const PHOTOS_MAX = 3
/** The largest photo a report may carry: a phone camera's full-size JPEG fits. */
export const PHOTO_LIMIT_BYTES = 8 * 1024 * 1024
const PHOTO_LIMIT_MB = PHOTO_LIMIT_BYTES / 1024 / 1024
/** The largest text field of a form; a description of 2,000 characters is at most 8 KB. */
const FIELD_LIMIT_BYTES = 16 * 1024
const FORM_OVERHEAD_BYTES = 64 * 1024
export const FORM_LIMIT_BYTES = PHOTOS_MAX * PHOTO_LIMIT_BYTES + FORM_OVERHEAD_BYTES

/**
 * Photos started per request: multer names only the field of a photo over the limit, and a
 * reporter with three photos needs to know which one to shrink.
 */
const photosStarted = new WeakMap<IncomingMessage, number>()
const memory = multer.memoryStorage()
const countingMemory: multer.StorageEngine = {
  _handleFile(req, file, callback) {
    photosStarted.set(req, (photosStarted.get(req) ?? 0) + 1)
    memory._handleFile(req, file, callback)
  },
  _removeFile: (req, file, callback) => memory._removeFile(req, file, callback),
}

const options = {
  storage: countingMemory,
  limits: {
    fileSize: PHOTO_LIMIT_BYTES,
    fieldSize: FIELD_LIMIT_BYTES,
    files: PHOTOS_MAX,
    fields: 10,
    parts: 10 + PHOTOS_MAX,
  },
  // Browsers send file names as raw UTF-8, which multer would read as Latin-1.
  defParamCharset: 'utf8',
}
const upload = multer(options)
const photoParts = upload.array('photos', PHOTOS_MAX)

export interface ReportForm {
  fields: Record<string, unknown>
  photos: CleanPhoto[]
}

/**
 * Reads a report sent as multipart/form-data, in memory: its text fields, each once, and up to
 * PHOTOS_MAX photos in the field `photos`, each a JPEG or PNG (told by content) of at most
 * PHOTO_LIMIT_BYTES, returned with their metadata stripped. Throws a 413 for a photo or form
 * too large, a 400 for a malformed form, a repeated field, a file in another field or too many
 * photos, and FieldProblems of a 422 PHOTO_INVALID for each photo that is not a readable image.
 */
export async function readReportForm(ctx: Context): Promise<ReportForm> {
  const length = Number(ctx.get('content-length'))
  if (length > FORM_LIMIT_BYTES) {
    ctx.set('Connection', 'close')
    const message =
      `The form is ${(length / 1024 / 1024).toFixed(1)} MB; it may hold ${PHOTOS_MAX} photos ` +
      `of ${PHOTO_LIMIT_MB} MB each.`
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', message)
  }
  try {
    await photoParts(ctx, async () => {})
  } catch (error) {
    throw formError(error, photosStarted.get(ctx.req) ?? 1)
  }

  const fields = (ctx.request.body ?? {}) as Record<string, unknown>
  const repeated = Object.keys(fields).find((name) => Array.isArray(fields[name]))
  if (repeated) throw badRequest('PARAMETER_REPEATED', `${repeated} must be given once.`, repeated)
  // Fields are read as UTF-8, as browsers send them; anything else would be kept as marks.
  const undecodable = undecodablePath(fields)
  if (undecodable !== undefined) {
    throw badRequest('TEXT_NOT_UTF8', undecodableMessage(undecodable), undecodable || undefined)
  }

  const files = (ctx.request.files ?? []) as multer.File[]
  const photos: CleanPhoto[] = []
  const problems: HttpError[] = []
  files.forEach((file, i) => {
    const clean = stripPhotoMetadata(file.buffer)
    if (!('problem' in clean)) {
      photos.push(clean)
      return
    }
    const message = `Photo ${i + 1} cannot be taken: ${clean.problem}. Send JPEG or PNG photos.`
    problems.push(unprocessable('PHOTO_INVALID', message, `photos[${i}]`))
  })
  const [first, ...more] = problems
  if (first) throw new FieldProblems([first, ...more])
  return { fields, photos }
}

function formError(error: unknown, photosStarted: number): Error {
  const { code, field } = error as { code?: string; field?: string }
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return new HttpError(
        413,
        'PHOTO_TOO_LARGE',
        `Photo ${photosStarted} is over ${PHOTO_LIMIT_MB} MB; send a smaller one.`,
        `photos[${photosStarted - 1}]`,
      )
    case 'LIMIT_FIELD_VALUE':
      return new HttpError(413, 'FIELD_TOO_LARGE', `${field} is too long.`, field)
    case 'LIMIT_FILE_COUNT':
      return badRequest('PHOTOS_TOO_MANY', `A report takes at most ${PHOTOS_MAX} photos.`, 'photos')
    case 'LIMIT_UNEXPECTED_FILE':
      return field === 'photos'
        ? badRequest('PHOTOS_TOO_MANY', `A report takes at most ${PHOTOS_MAX} photos.`, 'photos')
        : badRequest(
            'FIELD_UNKNOWN',
            `${field} was sent as a file; send it as text. Photos, in the field photos, are ` +
              'the only files a report takes.',
            field,
          )
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
      return badRequest('FORM_INVALID', 'The form has more fields than a report takes.')
    default:
      return badRequest('BODY_INVALID', 'The multipart/form-data body is malformed.')
  }
}
