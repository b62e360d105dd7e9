import { describeValue } from '../http/describe-value.ts'
import { badRequest } from '../http/http-error.ts'
import { refuseUnknownParameters } from '../http/query-parameters.ts'

/**
 * The longest search text, in characters: unit and park names run to about 25 characters, and
 * a full Chinese industry name is under 40.
 */
export const MAX_QUERY_LENGTH = 50

export interface SearchQuery {
  /** The search text, trimmed. */
  q: string
  limit: number
}

export interface SearchQueryRules {
  defaultLimit: number
  maxLimit: number
  /** What q should be, with examples, for the message that it is missing. */
  wanted: string
}

/**
 * Reads `q` (required, 1–50 characters once trimmed, no control characters) and `limit` (a
 * whole number from 1 to `maxLimit`, `defaultLimit` when absent) of a search. Throws a 400
 * naming the parameter at fault, or one it does not take.
 */
export function parseSearchQuery(
  query: Record<string, string | string[] | undefined>,
  rules: SearchQueryRules,
): SearchQuery {
  refuseUnknownParameters(query, ['q', 'limit'])
  const typed = single(query.q, 'q')?.trim()
  // A code typed in full-width mode (ＺＨ４３…) is read as one (NFKC makes compatibility forms
  // plain); names keep their own forms.
  const plain = typed?.normalize('NFKC')
  const q = plain !== undefined && /^[A-Za-z0-9]+$/.test(plain) ? plain : typed
  if (!q) throw badRequest('PARAMETER_MISSING', `q is required: ${rules.wanted}.`, 'q')
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
  if (limitText === undefined) return { q, limit: rules.defaultLimit }
  const limit = /^\s*\d{1,4}\s*$/.test(limitText) ? Number(limitText) : NaN
  if (!(limit >= 1 && limit <= rules.maxLimit)) {
    const shown = describeValue(limitText, 20)
    const message = `limit must be a whole number from 1 to ${rules.maxLimit}, got ${shown}.`
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
