import type { Queryable } from '../db/database.ts'
import type { UnitHit } from './site-zoning.ts'

export const PLACE_KINDS = ['unit', 'park', 'district'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]

/** A control unit, industrial park or district found by code or name. WGS84 lon/lat, degrees. */
export interface PlaceHit {
  kind: PlaceKind
  /** A unit's code, or a district's administrative code; null for a park. */
  code: string | null
  /** The feature's id in its layer, as the tiles number it. */
  id: number
  name: string
  /** A unit's class; null for parks and districts. */
  class: UnitHit['class'] | null
  /** The district a unit lies in, when that district is loaded; null for parks and districts. */
  district_name: string | null
  /** [west, south, east, north] of the place. */
  bbox: [number, number, number, number]
  /** A point inside the place, [lon, lat] (PostGIS ST_PointOnSurface). */
  point: [number, number]
}

export interface PlaceSearch {
  hits: PlaceHit[]
  /** Whether more places match than the limit let through. */
  more: boolean
}

/** `text` as a LIKE pattern that matches it literally: `\`, `%` and `_` escaped by `\`. Pure. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&')
}

/**
 * How well a name (and a code, given as SQL) matches the text: 0 best, null for no match. Names
 * are compared in NFKC, as the text is, so that full-width digits and letters typed or stored
 * (单元１, 单元1) match either way; the names themselves keep their forms.
 */
const rankSql = (name: string, code: string | undefined) => {
  const codeIs = (pattern: string) => (code ? ` OR ${code} LIKE q.${pattern} ESCAPE '\\'` : '')
  const folded = `lower(normalize(${name}, NFKC))`
  return `CASE ${code ? `WHEN ${code} = q.code THEN 0` : ''}
                WHEN ${folded} = q.lower THEN 1
                WHEN ${folded} LIKE q.name_prefix ESCAPE '\\'${codeIs('code_prefix')} THEN 2
                WHEN ${folded} LIKE q.name_part ESCAPE '\\'${codeIs('code_part')} THEN 3
           END`
}

/**
 * Control units (by code or name), industrial parks (by name) and districts (by name or
 * administrative code) matching `text`, best first: an exact code, then an exact name, then
 * names (and codes) starting with the text, then names (and codes) containing it; within each,
 * shorter names first, so districts come before the units named after them. Case and
 * full-width forms are ignored; `%` and `_` are plain characters. At most `limit` places.
 */
export async function searchPlaces(
  db: Queryable,
  text: string,
  limit: number,
): Promise<PlaceSearch> {
  const rows = await db.query<PlaceHit>(
    `WITH q AS (
       SELECT upper($1::text) AS code, lower($1::text) AS lower,
              lower($2::text) || '%' AS name_prefix, '%' || lower($2::text) || '%' AS name_part,
              upper($2::text) || '%' AS code_prefix, '%' || upper($2::text) || '%' AS code_part),
     found AS (
       SELECT 'unit' AS kind, 2 AS kind_order, u.code, u.id, u.name, u.class,
              d.name AS district_name, u.geom, ${rankSql('u.name', 'u.code')} AS rank
         FROM control_units u
        CROSS JOIN q
         LEFT JOIN districts d ON d.adcode = u.district_adcode
       UNION ALL
       SELECT 'park', 1, NULL, p.id, p.name, NULL, NULL, p.geom, ${rankSql('p.name', undefined)}
         FROM industrial_parks p, q
       UNION ALL
       SELECT 'district', 0, d.adcode::text, d.id, d.name, NULL, NULL, d.geom,
              ${rankSql('d.name', 'd.adcode::text')}
         FROM districts d, q),
     best AS (
       SELECT * FROM found
        WHERE rank IS NOT NULL
        ORDER BY rank, length(name), kind_order, name COLLATE "C", id
        LIMIT $3)
     SELECT kind, code, id, name, class, district_name,
            ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)] AS bbox,
            ARRAY[ST_X(inside.p), ST_Y(inside.p)] AS point
       FROM best
      CROSS JOIN LATERAL (SELECT ST_PointOnSurface(geom) AS p) inside
      ORDER BY rank, length(name), kind_order, name COLLATE "C", id`,
    [text.normalize('NFKC'), likeLiteral(text.normalize('NFKC')), limit + 1],
  )
  return { hits: rows.slice(0, limit), more: rows.length > limit }
}
