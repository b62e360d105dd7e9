import { parseSearchQuery, type SearchQuery } from '../zoning/search-query.ts'

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100

/**
 * Reads `q` (required, 1–50 characters once trimmed, no control characters) and `limit` (an
 * integer 1–100, default 20) of `GET /api/industries`. Throws a 400 naming the parameter at
 * fault.
 */
export function parseIndustryQuery(
  query: Record<string, string | string[] | undefined>,
): SearchQuery {
  return parseSearchQuery(query, {
    defaultLimit: DEFAULT_LIMIT,
    maxLimit: MAX_LIMIT,
    wanted: 'part of a GB/T 4754-2017 code or name, such as C26 or 化学',
  })
}
