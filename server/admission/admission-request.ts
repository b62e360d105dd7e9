import type { Context } from 'koa'
import type { Queryable } from '../db/database.ts'
import type { SiteGeometry } from '../geo/geojson-geometry.ts'
import { describeValue } from '../http/describe-value.ts'
import { badRequest, HttpError, unprocessable } from '../http/http-error.ts'
import { PROJECT_KINDS, type ProjectKind } from '../zoning/access-list.ts'
import { isIndustryCode } from './industry-match.ts'
import { readSite, SITE_FIELDS, type SiteInput, type SiteRead } from './site-input/read-site.ts'
import { readMultipart, type UploadedFile } from './site-input/site-upload.ts'

export interface AdmissionRequest {
  /** WGS84 longitude/latitude, valid (repaired where unambiguous), within the site limits. */
  site: SiteGeometry
  /** How the site was read, converted and repaired, for the answer. */
  siteInput: SiteInput
  /** The site as the client sent it: a JSON value, a text, or an uploaded file's bytes. */
  siteSource: SiteRead['source']
  industry: string
  projectKind: ProjectKind
}

/**
 * Reads an admission check from the request: a JSON body, or a multipart/form-data form with
 * the site as a file (see readMultipart). Its fields are the site (one of `geometry`, `wkt`,
 * `kml`, `boundaryPoints`, or the file; see readSite), `crs`, `industry` (a GB/T 4754-2017
 * code at any level) and `projectKind` (default 'new'). The site is converted to WGS84 and
 * checked against `db` (PostGIS validity). Throws a 4xx naming the field at fault; a 415 for
 * any other body.
 */
export async function readAdmissionRequest(ctx: Context, db: Queryable): Promise<AdmissionRequest> {
  let fields: Record<string, unknown>
  let file: UploadedFile | undefined
  const form = Boolean(ctx.is('multipart/form-data'))
  if (form) {
    ;({ fields, file } = await readMultipart(ctx))
    const repeated = Object.keys(fields).find((name) => Array.isArray(fields[name]))
    if (repeated) {
      throw badRequest('PARAMETER_REPEATED', `${repeated} must be given once.`, repeated)
    }
  } else if (ctx.is('application/json')) {
    fields = bodyFields(ctx.request.body)
  } else {
    const message =
      'Send the check as JSON (Content-Type: application/json), or as a form with the site ' +
      'as a file (multipart/form-data).'
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', message)
  }

  refuseUnknownFields(fields)
  const { site, input, source } = await readSite(db, fields, file, form)
  const { industry, projectKind } = parseProject(fields)
  return { site, siteInput: input, siteSource: source, industry, projectKind }
}

const CHECK_FIELDS: readonly string[] = [...SITE_FIELDS, 'crs', 'industry', 'projectKind']

/**
 * A misspelt field (`projectkind`, `industy`) would otherwise be dropped in silence and the check
 * answered for a project nobody described.
 */
function refuseUnknownFields(fields: Record<string, unknown>): void {
  const unknown = Object.keys(fields).find((name) => !CHECK_FIELDS.includes(name))
  if (unknown === undefined) return
  const message =
    `${unknown} is not a field of a check; it takes ${CHECK_FIELDS.join(', ')} ` +
    '(and, in a form, the site as a file).'
  throw badRequest('FIELD_UNKNOWN', message, unknown)
}

function bodyFields(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('BODY_INVALID', 'The request body must be a JSON object.')
  }
  return body as Record<string, unknown>
}

function parseProject(fields: Record<string, unknown>) {
  const { industry, projectKind } = fields
  if (industry === undefined || industry === null || industry === '') {
    const message = 'industry is required: a GB/T 4754-2017 code such as C2614 or C26.'
    throw badRequest('PARAMETER_MISSING', message, 'industry')
  }
  if (typeof industry !== 'string') {
    const message = `industry must be a string such as "C2614", got ${describeValue(industry)}.`
    throw unprocessable('INDUSTRY_INVALID', message, 'industry')
  }
  const code = industry.trim().toUpperCase()
  if (!isIndustryCode(code)) {
    const message =
      'industry must be a GB/T 4754-2017 code (a section letter A–T, alone or with 2 to 4 ' +
      `digits), got ${describeValue(industry)}.`
    throw unprocessable('INDUSTRY_INVALID', message, 'industry')
  }

  const kind = projectKind ?? 'new'
  if (typeof kind !== 'string' || !(PROJECT_KINDS as readonly string[]).includes(kind)) {
    const kinds = PROJECT_KINDS.join(', ')
    const message = `projectKind must be one of ${kinds}, got ${describeValue(kind)}.`
    throw unprocessable('PROJECT_KIND_INVALID', message, 'projectKind')
  }
  return { industry: code, projectKind: kind as ProjectKind }
}
