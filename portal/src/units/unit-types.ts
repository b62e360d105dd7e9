import type { DatasetInfo, LookupRule } from '../lookup/lookup-types.ts'

/** A control unit as the portal reads it from `GET /api/units/{code}`. */

export interface UnitZone {
  layer: string
  title_zh: string
  title_en?: string
  id: number
  properties: Record<string, unknown>
  /** Area shared with the unit, m² on the ellipsoid. */
  overlap_m2: number
  /** That area as a fraction of the unit's, 0–1. */
  share: number
}

export interface UnitAnswer {
  code: string
  name: string
  class: string
  district_adcode?: number
  district_name?: string | null
  /** Area on the WGS84 ellipsoid, km². */
  area_km2: number
  /** [west, south, east, north], WGS84 degrees. */
  bbox: [number, number, number, number]
  /** A point inside the unit, [lon, lat]. */
  point: [number, number]
  zones: UnitZone[]
  rules: LookupRule[]
  dataset?: DatasetInfo
}
