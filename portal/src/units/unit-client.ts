import type { UnitAnswer } from './unit-types.ts'

/** The shape of a control unit code: ZH and 11 digits. */
const UNIT_CODE = /^ZH[0-9]{11}$/

/**
 * What reading a unit came to. `invalid` is an address whose code has the wrong shape (refused
 * here or by the server), `not-found` a code no loaded unit has.
 */
export type UnitOutcome =
  | { kind: 'found'; unit: UnitAnswer }
  | { kind: 'invalid'; code: string }
  | { kind: 'not-found'; code: string }
  | { kind: 'failed'; reason: 'network' | 'server' }

export function isUnitCode(code: string): boolean {
  return UNIT_CODE.test(code)
}

/** Where a unit's page lives, relative to the site's root: `/units/{code}/`. */
export function unitPagePath(code: string): string {
  return `/units/${encodeURIComponent(code)}/`
}

/**
 * The unit code in a unit page's path (`/units/{code}/`), decoded, trimmed and in upper case;
 * an empty string when the path names none.
 */
export function unitCodeFromPath(pathname: string): string {
  const segment = /^\/units\/([^/]*)\/?$/.exec(pathname)?.[1] ?? ''
  try {
    return decodeURIComponent(segment).trim().toUpperCase()
  } catch {
    return segment
  }
}

/**
 * Reads the unit with this code. A code of the wrong shape is refused without asking the
 * server, so nothing but a unit code is ever put into the API path. Never throws.
 */
export async function fetchUnit(code: string): Promise<UnitOutcome> {
  if (!isUnitCode(code)) return { kind: 'invalid', code }

  let response: Response
  try {
    response = await fetch(`/api/units/${code}`, { headers: { accept: 'application/json' } })
  } catch {
    return { kind: 'failed', reason: 'network' }
  }
  return readUnitResponse(response, code)
}

/** Turns the API's response into an outcome; a body that is not a unit fails. */
export async function readUnitResponse(response: Response, code: string): Promise<UnitOutcome> {
  const body: unknown = await response.json().catch(() => undefined)

  if (response.ok) {
    return isUnitAnswer(body) ? { kind: 'found', unit: body } : { kind: 'failed', reason: 'server' }
  }

  const error = errorCode(body)
  if (response.status === 404 && error === 'UNIT_NOT_FOUND') return { kind: 'not-found', code }
  if (response.status === 400 && error === 'UNIT_CODE_INVALID') return { kind: 'invalid', code }
  return { kind: 'failed', reason: 'server' }
}

/** Enough of the answer's shape that the page can be drawn without checking each field. */
export function isUnitAnswer(body: unknown): body is UnitAnswer {
  if (!isRecord(body)) return false

  return (
    typeof body.code === 'string' &&
    typeof body.name === 'string' &&
    typeof body.class === 'string' &&
    typeof body.area_km2 === 'number' &&
    isNumbers(body.bbox, 4) &&
    isNumbers(body.point, 2) &&
    Array.isArray(body.zones) &&
    Array.isArray(body.rules)
  )
}

function isNumbers(value: unknown, length: number): boolean {
  return (
    Array.isArray(value) &&
    value.length === length &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  )
}

function errorCode(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined
  return typeof body.error.code === 'string' ? body.error.code : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
