import { describeValue } from '../http/describe-value.ts'
import { badRequest } from '../http/http-error.ts'

/** The longest search text: unit names run to about 25 characters. */
export const MAX_QUERY_LENGTH = 50
export const DEFAULT_LIMIT = 10
export const MAX_LIMIT = 20

export interface PlaceQuery {
  /** The search text, trimmed. */
  q: string
  limit: number
}

/**
 * Reads `q` (required, 1–50 characters once trimmed, no control characters) and `limit` (a
 * whole number 1–20, default 10) of `GET /api/search`. Throws a 400 naming the parameter at
 * fault.
 */
export function parsePlaceQuery(query: Record<string, string | string[] | undefined>): PlaceQuery {
  const q = single(query.q, 'q')?.trim()
  if (!q) {
    const message =
      'q is required: a unit code or part of the name of a unit, industrial park or district, ' +
      'such as ZH43040720001 or 衡阳县.'
    throw badRequest('PARAMETER_MISSING', message, 'q')
  }
  // Counted in characters, not UTF-16 units, so Chinese and other text is measured alike.
  const length = [...q].length
  if (length > MAX_QUERY_LENGTH) {
    const message = `q may be at most ${MAX_QUERY_LENGTH} characters, got ${length}.`
    throw badRequest('PARAMETER_TOO_LONG', message, 'q')
  }
  // PostgreSQL text cannot hold NUL, and no code or name holds a control character.
  if (/\p{Cc}/u.test(q)) {
    throw badRequest('PARAMETER_INVALID', 'q must be plain text, without control characters.', 'q')
  }

  const limitText = single(query.limit, 'limit')
  if (limitText === undefined) return { q, limit: DEFAULT_LIMIT }
  const limit = /^\s*\d{1,4}\s*$/.test(limitText) ? Number(limitText) : NaN
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    const shown = describeValue(limitText, 20)
    const message = `limit must be a whole number from 1 to ${MAX_LIMIT}, got ${shown}.`
    throw badRequest('LIMIT_INVALID', message, 'limit')
  }
  return { q, limit }
}

function single(value: string | string[] | undefined, field: string): string | undefined {
  if (Array.isArray(value)) {
    throw badRequest('PARAMETER_REPEATED', `${field} must be given once.`, field)
  }
  return value
}
