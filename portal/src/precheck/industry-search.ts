import { INDUSTRY_LEVELS, type IndustryLevel } from './precheck-terms.ts'
import { isTerm } from '../zoning/zoning-terms.ts'

/** One entry of the GB/T 4754-2017 catalogue, as `GET /api/industries` lists it. */
export interface Industry {
  code: string
  name_zh: string
  name_en?: string | null
  level: IndustryLevel
}

export interface IndustryMatches {
  industries: Industry[]
  /** Whether more industries match than were listed. */
  more: boolean
}

/** How many matches the list offers at once. */
export const INDUSTRY_LIMIT = 20

/** The API's longest search text, in characters. */
export const INDUSTRY_QUERY_MAX = 50

/** A GB/T 4754-2017 code: a section letter A–T, alone or with 2 to 4 digits. */
const INDUSTRY_CODE = /^[A-T](\d{2,4})?$/

/** The text as an industry code, upper case, when it is one; undefined otherwise. */
export function asIndustryCode(text: string): string | undefined {
  const code = text.trim().toUpperCase()
  return INDUSTRY_CODE.test(code) ? code : undefined
}

/** The same-origin search URL for a text, or undefined when there is nothing to search for. */
export function industrySearchUrl(text: string): string | undefined {
  const q = [...text.trim()].slice(0, INDUSTRY_QUERY_MAX).join('')
  if (q === '') return undefined
  return `/api/industries?${new URLSearchParams({ q, limit: String(INDUSTRY_LIMIT) })}`
}

/**
 * Searches the catalogue by code or name. Undefined when the search failed (network, server or
 * an answer of the wrong shape); an aborted search rejects with the abort, as fetch does.
 */
export async function searchIndustries(
  text: string,
  signal?: AbortSignal,
): Promise<IndustryMatches | undefined> {
  const url = industrySearchUrl(text)
  if (!url) return { industries: [], more: false }

  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal })
  } catch (error) {
    if (signal?.aborted) throw error
    return undefined
  }
  if (!response.ok) return undefined

  const body: unknown = await response.json().catch(() => undefined)
  return readMatches(body)
}

/** The matches in an API answer; undefined when it is not one. */
export function readMatches(body: unknown): IndustryMatches | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const { industries, more } = body as { industries?: unknown; more?: unknown }
  if (!Array.isArray(industries)) return undefined

  const listed = industries.filter(isIndustry)
  return { industries: listed, more: more === true }
}

function isIndustry(value: unknown): value is Industry {
  if (typeof value !== 'object' || value === null) return false
  const { code, name_zh: name, level } = value as Record<string, unknown>
  return typeof code === 'string' && typeof name === 'string' && isTerm(INDUSTRY_LEVELS, level)
}

/**
 * The option a key moves the highlight to in a list of `count` options, from `current`
 * (undefined when none is highlighted): down and up step and wrap around. Home and End stay
 * with the text box, as in a text field. Undefined for an empty list or any other key.
 */
export function movedOption(
  current: number | undefined,
  count: number,
  key: string,
): number | undefined {
  if (count === 0) return undefined
  switch (key) {
    case 'ArrowDown':
      return current === undefined ? 0 : (current + 1) % count
    case 'ArrowUp':
      return current === undefined ? count - 1 : (current - 1 + count) % count
    default:
      return undefined
  }
}
