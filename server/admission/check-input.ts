import { createHash } from 'node:crypto'
import { unprocessable } from '../http/http-error.ts'
import type { AdmissionRequest } from './admission-request.ts'

/** What a check was asked, in the form its hash is taken of. */
export interface CheckInput {
  /**
   * The site as the client sent it, under the field it came in: a GeoJSON value or a text as
   * received, or for an uploaded file the sha256 (hex) of its bytes.
   */
  site: { field: string; value: unknown } | { field: string; bytes_sha256: string }
  /** The coordinate system the site was read in, as an EPSG code or name (EPSG:4326, gcj02). */
  crs: string
  /** The GB/T 4754-2017 code as read: trimmed and upper-case. */
  industry: string
  projectKind: string
}

/** The check's input: the site as received, and the crs, industry and kind as read from it. */
export function checkInputOf(request: AdmissionRequest): CheckInput {
  const { field, value } = request.siteSource
  const site = Buffer.isBuffer(value)
    ? { field, bytes_sha256: sha256(value) }
    : { field, value: value ?? null }
  return {
    site,
    crs: request.siteInput.crs.code,
    industry: request.industry,
    projectKind: request.projectKind,
  }
}

/**
 * sha256 (hex) of the input's canonical JSON: object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings as JSON.stringify writes them, as RFC 8785 (JCS) specifies,
 * so anyone can recompute it from the same input with a JCS library. Throws a 422 for a site
 * value nested deeper than any geometry is.
 */
export function inputSha256(input: CheckInput): string {
  let text: string
  try {
    text = canonicalJson(input)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    const message = `${input.site.field} is nested deeper than ${MAX_DEPTH} levels.`
    throw unprocessable('GEOMETRY_INVALID', message, input.site.field)
  }
  return sha256(text)
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

// Deeper than any GeoJSON site; keeps hostile nesting off the call stack.
const MAX_DEPTH = 64

/**
 * RFC 8785 canonical JSON of a value parsed from JSON. Members that are undefined are left out.
 * Throws a RangeError for values nested deeper than 64 levels.
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new RangeError(`nested deeper than ${MAX_DEPTH} levels`)
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item ?? null, depth + 1)).join(',')}]`
  }
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member, depth + 1)}`)
    return `{${members.join(',')}}`
  }
  return JSON.stringify(value ?? null)
}
