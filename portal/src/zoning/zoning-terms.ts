/** The vocabulary the API uses, in the order the portal shows it. */

export const UNIT_CLASSES = ['priority', 'key', 'general'] as const
export type UnitClass = (typeof UNIT_CLASSES)[number]

export const DIMENSIONS = [
  'spatial_layout',
  'emission_control',
  'risk_prevention',
  'resource_efficiency',
] as const
export type Dimension = (typeof DIMENSIONS)[number]

/** Effects from the strictest to the most permissive. */
export const EFFECTS = ['forbid', 'restrict', 'condition', 'encourage'] as const
export type Effect = (typeof EFFECTS)[number]

/** Published layers, bottom to top as the map draws them. */
export const LAYER_NAMES = [
  'control_units',
  'ecological_space',
  'no_raising_zones',
  'industrial_parks',
  'water_source_zones',
  'nature_reserve_zones',
  'ecological_red_line',
  'districts',
  'rivers',
  'facilities',
] as const
export type LayerName = (typeof LAYER_NAMES)[number]

/** Published layers, the most consulted first: the order lists and legends show them in. */
export const LAYERS_BY_USE: readonly LayerName[] = [
  'control_units',
  'ecological_red_line',
  'water_source_zones',
  'nature_reserve_zones',
  'industrial_parks',
  'ecological_space',
  'no_raising_zones',
  'rivers',
  'facilities',
  'districts',
]

/**
 * Area layers whose names maps write. The composite tiles carry, beside each, the points the
 * names are written at (labelLayerName): an area cut into tiles would be named once per tile.
 */
export const NAMED_AREA_LAYERS: readonly LayerName[] = [
  'districts',
  'control_units',
  'water_source_zones',
  'nature_reserve_zones',
  'industrial_parks',
]

/** The source layer of the label points of an area layer. */
export const labelLayerName = (layer: string): string => `${layer}_label`

export const WATER_SOURCE_LEVELS = ['level1', 'level2', 'quasi'] as const
export const RESERVE_ZONES = ['core', 'buffer', 'experimental'] as const
export const NO_RAISING_KINDS = ['no_raising', 'restricted'] as const
export const FACILITY_KINDS = ['outfall', 'farm', 'intake'] as const
export const PARK_LEVELS = ['national', 'provincial'] as const

export type WaterSourceLevel = (typeof WATER_SOURCE_LEVELS)[number]
export type ReserveZone = (typeof RESERVE_ZONES)[number]
export type NoRaisingKind = (typeof NO_RAISING_KINDS)[number]
export type FacilityKind = (typeof FACILITY_KINDS)[number]
export type ParkLevel = (typeof PARK_LEVELS)[number]

/** Kinds of project an admission check is asked for. */
export const PROJECT_KINDS = ['new', 'expansion', 'renovation', 'relocation'] as const
export type ProjectKind = (typeof PROJECT_KINDS)[number]

/** An admission check's verdicts, from the strictest. */
export const VERDICTS = ['forbidden', 'conditional', 'consistent'] as const
export type Verdict = (typeof VERDICTS)[number]

/** The formats a checked site can come in. */
export const SITE_FORMATS = [
  'geojson',
  'wkt',
  'kml',
  'boundary-points',
  'coordinate-list',
  'shapefile',
] as const
export type SiteFormat = (typeof SITE_FORMATS)[number]

/** Changes the server may make to a site before checking it. */
export const SITE_REPAIRS = ['closed-ring', 'made-valid', 'merged-parts'] as const
export type SiteRepairKind = (typeof SITE_REPAIRS)[number]

/** Coordinate systems the lookup accepts: GPS, and the offsets of Chinese phone map apps. */
export const LOOKUP_CRS = ['EPSG:4326', 'gcj02', 'bd09'] as const
export type LookupCrs = (typeof LOOKUP_CRS)[number]

/** Narrows an unknown API value to one of a list of known terms. */
export function isTerm<T extends string>(terms: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (terms as readonly string[]).includes(value)
}
