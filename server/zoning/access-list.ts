import type { Queryable } from '../db/database.ts'
import type { NearestFeature, UnitHit, ZoneHit } from './site-zoning.ts'

export const DIMENSIONS = [
  'spatial_layout',
  'emission_control',
  'risk_prevention',
  'resource_efficiency',
] as const
export const EFFECTS = ['forbid', 'restrict', 'condition', 'encourage'] as const
export const PROJECT_KINDS = ['new', 'expansion', 'renovation', 'relocation'] as const

export type Dimension = (typeof DIMENSIONS)[number]
export type Effect = (typeof EFFECTS)[number]
export type ProjectKind = (typeof PROJECT_KINDS)[number]

/** One rule of the access list, as stored. */
export interface Rule {
  code: string
  unit_code: string | null
  unit_class: UnitHit['class'] | null
  layer: string | null
  layer_filter: Record<string, string> | null
  within_m: number | null
  dimension: Dimension
  effect: Effect
  industries: string[]
  project_kinds: ProjectKind[]
  text_zh: string
  legal_basis: string | null
}

/** Why a rule is in force at a site: the unit, class, zone or distance that brought it. */
export type Trigger =
  | { kind: 'unit'; unit_code: string }
  | { kind: 'class'; unit_class: string; unit_code: string }
  | { kind: 'zone'; layer: string; zone_id: number; zone_name: string | null }
  | {
      kind: 'distance'
      layer: string
      within_m: number
      /** True distance on the ellipsoid to the nearest matching feature, and which it is. */
      distance_m: number
      feature_id: number
      feature_name: string | null
    }

export interface RuleInForce extends Rule {
  trigger: Trigger
}

/**
 * The rules that may be in force for a site in these units, in code order: the units' own and
 * every rule not tied to one unit (on a class or a layer).
 */
export async function readRules(db: Queryable, unitCodes: string[]): Promise<Rule[]> {
  return db.query<Rule>(
    `SELECT code, unit_code, unit_class, layer, layer_filter, within_m, dimension, effect,
            industries, project_kinds, text_zh, legal_basis
       FROM rules
      WHERE unit_code IS NULL OR unit_code = ANY($1::text[])
      ORDER BY code`,
    [unitCodes],
  )
}

/** A distance rule's key: rules with the same layer, filter and distance share one query. */
export function distanceKey(rule: Pick<Rule, 'layer' | 'layer_filter' | 'within_m'>): string {
  return JSON.stringify([rule.layer, rule.layer_filter, rule.within_m])
}

export interface SiteZoning {
  units: UnitHit[]
  zones: ZoneHit[]
  /** The nearest feature and its distance by distanceKey, for the distance rules within reach. */
  distances: Map<string, NearestFeature>
}

/**
 * The rules in force at a site, each with the first thing that brought it: its unit, the class
 * of a unit touched, a zone touched (matching the rule's attribute filter), or a layer within
 * the rule's distance. Rules that nothing brings are left out. Pure.
 */
export function rulesInForce(rules: Rule[], zoning: SiteZoning): RuleInForce[] {
  const inForce: RuleInForce[] = []
  for (const rule of rules) {
    const trigger = triggerOf(rule, zoning)
    if (trigger) inForce.push({ ...rule, trigger })
  }
  return inForce
}

function triggerOf(rule: Rule, zoning: SiteZoning): Trigger | undefined {
  if (rule.unit_code !== null) {
    const unit = zoning.units.find((u) => u.code === rule.unit_code)
    return unit && { kind: 'unit', unit_code: unit.code }
  }
  if (rule.unit_class !== null) {
    const unit = zoning.units.find((u) => u.class === rule.unit_class)
    return unit && { kind: 'class', unit_class: unit.class, unit_code: unit.code }
  }
  if (rule.layer === null) return undefined

  if (rule.within_m !== null) {
    const nearest = zoning.distances.get(distanceKey(rule))
    if (nearest === undefined) return undefined
    return { kind: 'distance', layer: rule.layer, within_m: rule.within_m, ...nearest }
  }
  const zone = zoning.zones.find(
    (z) => z.layer === rule.layer && matchesFilter(z.properties, rule.layer_filter),
  )
  if (!zone) return undefined
  const name = zone.properties.name ?? zone.properties.reserve_name
  return {
    kind: 'zone',
    layer: zone.layer,
    zone_id: zone.id,
    zone_name: typeof name === 'string' ? name : null,
  }
}

function matchesFilter(properties: Record<string, unknown>, filter: Rule['layer_filter']) {
  if (!filter) return true
  return Object.entries(filter).every(([key, value]) => String(properties[key]) === value)
}
