import { parseSiteGeometry, type SiteGeometry } from '../geo/geojson-geometry.ts'
import { describeValue } from '../http/describe-value.ts'
import { badRequest, unprocessable } from '../http/http-error.ts'
import { PROJECT_KINDS, type ProjectKind } from '../zoning/access-list.ts'
import { isIndustryCode } from './industry-match.ts'

export interface AdmissionRequest {
  site: SiteGeometry
  industry: string
  projectKind: ProjectKind
}

/**
 * Reads the JSON body of an admission check: `geometry` (GeoJSON in WGS84 lon/lat), `industry`
 * (a GB/T 4754-2017 code at any level) and `projectKind` (default 'new'). Throws a 4xx naming
 * the field at fault.
 */
export function parseAdmissionRequest(body: unknown): AdmissionRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('BODY_INVALID', 'The request body must be a JSON object.')
  }
  const { geometry, industry, projectKind } = body as Record<string, unknown>

  if (geometry === undefined) {
    throw badRequest('PARAMETER_MISSING', 'geometry is required: a GeoJSON geometry.', 'geometry')
  }
  const site = parseSiteGeometry(geometry)

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
      `industry must be a GB/T 4754-2017 code (a section letter A–T and 2 to 4 digits), ` +
      `got ${describeValue(industry)}.`
    throw unprocessable('INDUSTRY_INVALID', message, 'industry')
  }

  const kind = projectKind ?? 'new'
  if (typeof kind !== 'string' || !(PROJECT_KINDS as readonly string[]).includes(kind)) {
    const kinds = PROJECT_KINDS.join(', ')
    const message = `projectKind must be one of ${kinds}, got ${describeValue(kind)}.`
    throw unprocessable('PROJECT_KIND_INVALID', message, 'projectKind')
  }
  return { site, industry: code, projectKind: kind as ProjectKind }
}
