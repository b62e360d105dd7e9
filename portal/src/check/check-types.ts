/** A stored admission check as the portal reads it from `GET /api/admission-check/{id}`. */

import type { DatasetInfo, LookupRule, LookupZone } from '../lookup/lookup-types.ts'

/** WGS84 longitude/latitude geometry of a checked site. */
export type SiteGeometry =
  | { type: 'Point'; coordinates: number[] }
  | { type: 'LineString'; coordinates: number[][] }
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] }

/** How much of the site lies in a unit or zone; areas in m², lengths in m, share 0–1. */
export interface Overlap {
  overlap_m2: number | null
  overlap_length_m: number | null
  share: number
}

export interface CheckSite {
  format: string
  field: string
  file?: string
  crs: { code: string; name: string; from: string }
  conversion: { from: string; to: string; method: string; errorBoundM: number }
  vertices: number
  /** [west, south, east, north], WGS84 degrees. */
  bbox: [number, number, number, number]
  repairs: { kind: string; message: string }[]
  notes: string[]
  geometry: SiteGeometry
  area_m2: number | null
  length_m: number | null
}

export interface CheckUnit extends Overlap {
  code: string
  name: string
  class: string
  district_name: string | null
}

export type CheckZone = LookupZone & Overlap

export interface NearbyZone extends LookupZone {
  /** Metres on the WGS84 ellipsoid; 0 for a zone the site only borders. */
  distance_m: number
}

export interface CheckRule extends LookupRule {
  /** `may_apply` for a rule on a narrower class than the industry the project declared. */
  match: string
}

export interface CheckAnswer {
  id: string
  /** ISO 8601. */
  checkedAt: string
  inputSha256: string
  verdict: string
  reasons: string[]
  industry: { code: string; name_zh: string; name_en?: string | null }
  projectKind: string
  site: CheckSite
  units: CheckUnit[]
  zones: CheckZone[]
  nearby: { within_m: number; zones: NearbyZone[]; truncated: boolean }
  rules: CheckRule[]
  dataset: DatasetInfo & { name?: string }
  dataVersions: Record<string, number>
  accessList: { rules: number; sha256: string }
}
