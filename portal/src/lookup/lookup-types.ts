/** The lookup answer as the portal reads it from `GET /api/lookup`. */

export interface LonLat {
  lon: number
  lat: number
}

export interface LookupUnit {
  code: string
  name: string
  class: string
  district_adcode?: number
  district_name?: string
  area_km2?: number
}

export interface LookupZone {
  layer: string
  title_zh: string
  title_en?: string
  id?: number | string
  properties: Record<string, unknown>
}

export interface RuleScope {
  kind: string
  unit_code?: string
  unit_class?: string
  layer?: string
  /** The zone a zone rule comes from, by name. */
  zone_name?: string
  /** The rule's reach from the zone, in metres, for distance rules. */
  within_m?: number
  /** How far the queried point lies from the zone, in metres, for distance rules. */
  distance_m?: number
  /** The nearest feature a distance rule measured to, by name, when it has one. */
  feature_name?: string | null
}

export interface LookupRule {
  code: string
  dimension: string
  effect: string
  text_zh: string
  legal_basis?: string | null
  industries: string[]
  project_kinds: string[]
  scope?: RuleScope
}

export interface DatasetInfo {
  manifest?: string
  name?: string
  name_en?: string
  illustrative: boolean
  notice_zh?: string
  notice_en?: string
  version?: string | number
  boundary_source?: string
  datum_note?: string
}

export interface LookupResult {
  /** The queried point in WGS84, whatever coordinate system it was given in. */
  location: LonLat
  unit: LookupUnit | null
  zones: LookupZone[]
  rules: LookupRule[]
  dataset?: DatasetInfo
}
