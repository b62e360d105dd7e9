import { INDUSTRY_LEVELS, type IndustryLevel } from './precheck-terms.ts'
import { requestMatches } from '../forms/search-request.ts'
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
  return requestMatches(url, readMatches, signal)
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
