import type { CheckAnswer } from './check-types.ts'

/** The shape the server gives check ids: 22 URL-safe base64 characters. */
const CHECK_ID = /^[A-Za-z0-9_-]{22}$/

/**
 * What reading a stored check came to. `missing` is a report address without an id, `invalid`
 * an id of the wrong shape (refused here or by the server), `not-found` an id nobody was given.
 */
export type CheckOutcome =
  | { kind: 'found'; answer: CheckAnswer }
  | { kind: 'missing' }
  | { kind: 'invalid'; id: string }
  | { kind: 'not-found'; id: string }
  | { kind: 'failed'; reason: 'network' | 'server' }

/** The check id in a report address's query (`?id=…`), trimmed; undefined when absent or empty. */
export function checkIdFrom(search: string): string | undefined {
  const id = new URLSearchParams(search).get('id')?.trim()
  return id ? id : undefined
}

export function isCheckId(id: string): boolean {
  return CHECK_ID.test(id)
}

/** Where a report page lives, relative to the site's root: `/check/?id=…`. */
export function reportPath(id: string): string {
  return `/check/?${new URLSearchParams({ id })}`
}

/**
 * Reads the stored check a report address names. An id of the wrong shape is refused without
 * asking the server, so nothing but a check id is ever put into the API path. Never throws.
 */
export async function fetchCheck(id: string | undefined): Promise<CheckOutcome> {
  if (id === undefined) return { kind: 'missing' }
  if (!isCheckId(id)) return { kind: 'invalid', id }

  let response: Response
  try {
    response = await fetch(`/api/admission-check/${id}`, {
      headers: { accept: 'application/json' },
    })
  } catch {
    return { kind: 'failed', reason: 'network' }
  }
  return readCheckResponse(response, id)
}

/** Turns the API's response into an outcome; a body that is not a check answer fails. */
export async function readCheckResponse(response: Response, id: string): Promise<CheckOutcome> {
  const body: unknown = await response.json().catch(() => undefined)

  if (response.ok) {
    return isCheckAnswer(body) ? { kind: 'found', answer: body } : failed('server')
  }

  const code = errorCode(body)
  if (response.status === 404 && code === 'CHECK_NOT_FOUND') return { kind: 'not-found', id }
  if (response.status === 400 && code === 'CHECK_ID_INVALID') return { kind: 'invalid', id }
  return failed('server')
}

function failed(reason: 'network' | 'server'): CheckOutcome {
  return { kind: 'failed', reason }
}

function errorCode(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined
  return typeof body.error.code === 'string' ? body.error.code : undefined
}

/** Enough of the answer's shape that the report can be drawn without checking each field. */
export function isCheckAnswer(body: unknown): body is CheckAnswer {
  if (!isRecord(body) || !isRecord(body.site) || !isRecord(body.nearby)) return false

  return (
    typeof body.id === 'string' &&
    typeof body.checkedAt === 'string' &&
    typeof body.verdict === 'string' &&
    isRecord(body.industry) &&
    isRecord(body.site.geometry) &&
    Array.isArray(body.site.bbox) &&
    Array.isArray(body.reasons) &&
    Array.isArray(body.units) &&
    Array.isArray(body.zones) &&
    Array.isArray(body.nearby.zones) &&
    Array.isArray(body.rules) &&
    isRecord(body.dataset) &&
    isRecord(body.dataVersions) &&
    isRecord(body.accessList)
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
