import { requestMatches } from '../forms/search-request.ts'
import { isTerm } from '../zoning/zoning-terms.ts'

export const PLACE_KINDS = ['unit', 'park', 'district'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]

/** A control unit, industrial park or district, as `GET /api/search` lists it. */
export interface PlaceHit {
  kind: PlaceKind
  /** A unit's code or a district's administrative code; null for a park. */
  code: string | null
  id: number
  name: string
  /** A unit's class; null otherwise. */
  class: string | null
  district_name: string | null
  /** [west, south, east, north], WGS84 degrees. */
  bbox: [number, number, number, number]
  /** A point inside the place, [lon, lat]. */
  point: [number, number]
}

export interface PlaceMatches {
  hits: PlaceHit[]
  /** Whether more places match than were listed. */
  more: boolean
}

/** How many places the list offers at once. */
export const PLACE_LIMIT = 10

/** The API's longest search text, in characters. */
export const PLACE_QUERY_MAX = 50

/** The same-origin search URL for a text, or undefined when there is nothing to search for. */
export function placeSearchUrl(text: string): string | undefined {
  const q = [...text.trim()].slice(0, PLACE_QUERY_MAX).join('').trim()
  if (q === '') return undefined
  return `/api/search?${new URLSearchParams({ q, limit: String(PLACE_LIMIT) })}`
}

/**
 * Searches units, parks and districts by code or name. Undefined when the search failed
 * (network, server or an answer of the wrong shape); an aborted search rejects with the abort,
 * as fetch does.
 */
export async function searchPlaces(
  text: string,
  signal?: AbortSignal,
): Promise<PlaceMatches | undefined> {
  const url = placeSearchUrl(text)
  if (!url) return { hits: [], more: false }
  return requestMatches(url, readPlaces, signal)
}

/** The places in an API answer, leaving out any of the wrong shape; undefined for no answer. */
export function readPlaces(body: unknown): PlaceMatches | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const { hits, more } = body as { hits?: unknown; more?: unknown }
  if (!Array.isArray(hits)) return undefined

  return { hits: hits.filter(isPlaceHit), more: more === true }
}

function isPlaceHit(value: unknown): value is PlaceHit {
  if (typeof value !== 'object' || value === null) return false
  const hit = value as Record<string, unknown>
  return (
    isTerm(PLACE_KINDS, hit.kind) &&
    typeof hit.name === 'string' &&
    (hit.kind !== 'unit' || typeof hit.code === 'string') &&
    isNumbers(hit.bbox, 4) &&
    isNumbers(hit.point, 2)
  )
}

function isNumbers(value: unknown, length: number): boolean {
  return (
    Array.isArray(value) &&
    value.length === length &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  )
}
