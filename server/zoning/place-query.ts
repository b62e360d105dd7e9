import { parseSearchQuery, type SearchQuery } from './search-query.ts'

export const DEFAULT_LIMIT = 10
export const MAX_LIMIT = 20

/**
 * Reads `q` (required, 1–50 characters once trimmed, no control characters) and `limit` (a
 * whole number 1–20, default 10) of `GET /api/search`. Throws a 400 naming the parameter at
 * fault.
 */
export function parsePlaceQuery(query: Record<string, string | string[] | undefined>): SearchQuery {
  return parseSearchQuery(query, {
    defaultLimit: DEFAULT_LIMIT,
    maxLimit: MAX_LIMIT,
    wanted:
      'a unit code or part of the name of a unit, industrial park or district, ' +
      'such as ZH43040720001 or 衡阳县',
  })
}
