import type { LookupCrs } from '../zoning/zoning-terms.ts'
import type { LonLat, LookupResult } from './lookup-types.ts'

export interface LookupQuery extends LonLat {
  crs: LookupCrs
}

/**
 * What a lookup came to. `outside` covers both ways the server reports a point beyond the
 * dataset: a 200 answer without a unit, and a 422 with code OUTSIDE_COVERAGE.
 */
export type LookupOutcome =
  | { kind: 'found'; result: LookupResult }
  | { kind: 'outside'; message?: string; location?: LonLat }
  | { kind: 'failed'; reason: 'network' | 'server' | 'request'; message?: string; field?: string }

/** The same-origin lookup URL; the CRS is left out when it is the default, WGS84. */
export function lookupUrl(query: LookupQuery): string {
  const params = new URLSearchParams({ lon: String(query.lon), lat: String(query.lat) })
  if (query.crs !== 'EPSG:4326') params.set('crs', query.crs)

  return `/api/lookup?${params}`
}

/** Sends a lookup; never throws, a network failure is an outcome too. */
export async function fetchLookup(query: LookupQuery): Promise<LookupOutcome> {
  let response: Response
  try {
    response = await fetch(lookupUrl(query), { headers: { accept: 'application/json' } })
  } catch {
    return { kind: 'failed', reason: 'network' }
  }

  return readLookupResponse(response)
}

/** Turns a lookup response into an outcome; bodies that are not the expected JSON fail. */
export async function readLookupResponse(response: Response): Promise<LookupOutcome> {
  const body: unknown = await response.json().catch(() => undefined)

  if (response.ok) {
    if (!isLookupResult(body)) return { kind: 'failed', reason: 'server' }
    if (body.unit === null) return { kind: 'outside', location: body.location }
    return { kind: 'found', result: body }
  }

  const error = apiError(body)
  if (response.status === 422 && error?.code === 'OUTSIDE_COVERAGE') {
    return { kind: 'outside', message: error.message }
  }
  if (response.status >= 400 && response.status < 500) {
    return { kind: 'failed', reason: 'request', message: error?.message, field: error?.field }
  }

  return { kind: 'failed', reason: 'server' }
}

interface ApiError {
  code?: string
  message?: string
  field?: string
}

function apiError(body: unknown): ApiError | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined

  const { code, message, field } = body.error
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
    field: typeof field === 'string' ? field : undefined,
  }
}

function isLookupResult(body: unknown): body is LookupResult {
  if (!isRecord(body) || !isRecord(body.location)) return false

  const { lon, lat } = body.location
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    (body.unit === null || isRecord(body.unit)) &&
    Array.isArray(body.zones) &&
    Array.isArray(body.rules)
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
