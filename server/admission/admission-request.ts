import type { Context } from 'koa'
import type { Queryable } from '../db/database.ts'
import type { SiteGeometry } from '../geo/geojson-geometry.ts'
import { describeValue } from '../http/describe-value.ts'
import { badRequest, FieldProblems, HttpError, unprocessable } from '../http/http-error.ts'
import { PROJECT_KINDS, type ProjectKind } from '../zoning/access-list.ts'
import { assertCovered } from '../zoning/coverage.ts'
import { industryByCode, type Industry } from './industry-catalogue.ts'
import { isIndustryCode } from './industry-match.ts'
import {
  pickSite,
  readSiteSource,
  SITE_FIELDS,
  type SiteInput,
  type SiteRead,
} from './site-input/read-site.ts'
import { parseSiteCrs } from './site-input/site-crs.ts'
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

/** A check as read from the request, and the catalogue's entry of its industry. */
export interface CheckedRequest {
  request: AdmissionRequest
  industry: Industry
}

/**
 * Reads an admission check from the request: a JSON body, or a multipart/form-data form with
 * the site as a file (see readMultipart). Its fields are the site (one of `geometry`, `wkt`,
 * `kml`, `boundaryPoints`, or the file; see readSite), `crs`, `industry` (a GB/T 4754-2017
 * code at any level, which the loaded catalogue must hold) and `projectKind` (default 'new').
 * The site is converted to WGS84, checked against `db` (PostGIS validity) and must touch the
 * zoning. Throws a 415 for any other body, and a 4xx alone for a refusal of the request itself
 * (not a JSON object, a field a check does not take, a field or key given twice, too large);
 * every problem of the fields otherwise, together as FieldProblems (see checkFields).
 */
export async function readAdmissionRequest(ctx: Context, db: Queryable): Promise<CheckedRequest> {
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
  return checkFields(db, fields, file, form)
}

/**
 * Reads every field, so that one answer says all that is wrong, and throws FieldProblems in
 * this order: `crs`; the site (missing, given twice, or as read in the crs, which may name
 * `crs` as the field at fault); `industry`; `projectKind`; then what the loaded data says: an
 * industry the catalogue lacks, a site wholly outside the zoning. The site is read only when
 * the crs could be, as its coordinates are read in it; the catalogue is asked only for a code
 * of the right shape, and the zoning only for a site that was read.
 */
async function checkFields(
  db: Queryable,
  fields: Record<string, unknown>,
  file: UploadedFile | undefined,
  form: boolean,
): Promise<CheckedRequest> {
  const problems: HttpError[] = []
  const attempt = collecting(problems)
  const crs = await attempt(() => ({ given: parseSiteCrs(fields.crs) }))
  const source = await attempt(() => pickSite(fields, file))
  // A site that is too complex or too large costs no more here than in a check that passes:
  // the vertex and crossing limits hold before anything slow runs, whatever else is wrong.
  const site =
    crs && source
      ? await attempt(() => readSiteSource(db, source, file, form, crs.given))
      : undefined
  const code = await attempt(() => readIndustry(fields.industry))
  const projectKind = await attempt(() => readProjectKind(fields.projectKind))
  // After the fields' own problems, so that the first problem, which the error repeats, is the
  // one a client reading only `code` has always been given for the same request.
  const industry = code === undefined ? undefined : await attempt(() => catalogued(db, code))
  if (site) {
    const words = { subject: 'The site', otherwise: '', shifted: zoneShifts(site.input.crs.code) }
    await attempt(() => assertCovered(db, site.site, site.input.field, words))
  }

  const [first, ...more] = problems
  if (first) throw new FieldProblems([first, ...more])
  // Without problems, every reader above returned its value.
  const request: AdmissionRequest = {
    site: site!.site,
    siteInput: site!.input,
    siteSource: site!.source,
    industry: code!,
    projectKind: projectKind!,
  }
  return { request, industry: industry! }
}

/** Runs a reader and keeps a problem of a field it throws; undefined when it threw one. */
type Attempt = <T>(read: () => T | Promise<T>) => Promise<T | undefined>

function collecting(problems: HttpError[]): Attempt {
  return async (read) => {
    try {
      return await read()
    } catch (error) {
      if (!(error instanceof HttpError) || !isFieldProblem(error)) throw error
      problems.push(error)
      return undefined
    }
  }
}

/**
 * Refusals of the request itself come alone: a site over a size limit (413), a key given twice
 * in a form's GeoJSON text, and anything that names no field or is the server's own failure.
 */
function isFieldProblem(error: HttpError): boolean {
  return (
    (error.status === 400 || error.status === 422) &&
    error.code !== 'PARAMETER_REPEATED' &&
    error.field !== undefined
  )
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

function readIndustry(industry: unknown): string {
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
  return code
}

function readProjectKind(projectKind: unknown): ProjectKind {
  const kind = projectKind ?? 'new'
  if (typeof kind !== 'string' || !(PROJECT_KINDS as readonly string[]).includes(kind)) {
    const kinds = PROJECT_KINDS.join(', ')
    const message = `projectKind must be one of ${kinds}, got ${describeValue(kind)}.`
    throw unprocessable('PROJECT_KIND_INVALID', message, 'projectKind')
  }
  return kind as ProjectKind
}

async function catalogued(db: Queryable, code: string): Promise<Industry> {
  const industry = await industryByCode(db, code)
  if (!industry) {
    // The catalogue loaded may hold only the codes the rules need, not the whole standard.
    const message =
      `industry ${code} is not in the industry catalogue loaded here; ` +
      'GET /api/industries?q= searches it.'
    throw unprocessable('INDUSTRY_UNKNOWN', message, 'industry')
  }
  return industry
}

/**
 * For a site read in a Gauss-Krüger zone whose eastings carry no zone number, the readings in
 * the zones either side: such eastings say nothing of their zone, so a .prj or crs naming the
 * neighbouring one puts the site a zone's width off, and the refusal can say which it lies in.
 * CGCS2000 3-degree zones without the number are EPSG:4534–4554, 6-degree ones EPSG:4502–4512,
 * each block in order of central meridian. None for any other system.
 */
function zoneShifts(code: string): { degrees: number; hint: string }[] {
  const epsg = Number(/^EPSG:(\d+)$/.exec(code)?.[1])
  const block = [
    { first: 4534, last: 4554, width: 3 },
    { first: 4502, last: 4512, width: 6 },
  ].find(({ first, last }) => epsg >= first && epsg <= last)
  if (!block) return []
  return [-1, 1]
    .filter((side) => epsg + side >= block.first && epsg + side <= block.last)
    .map((side) => ({
      degrees: side * block.width,
      hint:
        `Read in the ${side > 0 ? 'eastern' : 'western'} neighbouring zone, EPSG:${epsg + side}, ` +
        `it lies inside: the .prj or crs may name the wrong zone (${code}).`,
    }))
}
