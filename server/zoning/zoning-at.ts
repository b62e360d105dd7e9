import type { Queryable } from '../db/database.ts'
import type { SiteGeometry } from '../geo/geojson-geometry.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'
import {
  distanceKey,
  readRules,
  rulesInForce,
  type RuleInForce,
  type SiteZoning,
} from './access-list.ts'
import { distanceWithin, unitsTouched, zonesTouched } from './site-zoning.ts'

export interface ZoningAt extends SiteZoning {
  rules: RuleInForce[]
}

/**
 * Everything the zoning says about a site: the units and zones it touches, the distance rules
 * within reach, and the rules those bring into force, for every industry and project kind.
 */
export async function zoningAt(
  db: Queryable,
  catalog: LayerCatalog,
  site: SiteGeometry,
): Promise<ZoningAt> {
  const layers = await catalog.list()
  const [units, zones, rules] = await Promise.all([
    unitsTouched(db, site),
    zonesTouched(db, layers, site),
    readRules(db),
  ])

  const distances = new Map<string, number>()
  const distanceRules = new Map(
    rules.filter((r) => r.layer !== null && r.within_m !== null).map((r) => [distanceKey(r), r]),
  )
  for (const [key, rule] of distanceRules) {
    const layer = layers.find((l) => l.name === rule.layer)
    if (!layer) continue
    const distance = await distanceWithin(db, layer, rule.layer_filter, rule.within_m!, site)
    if (distance !== undefined) distances.set(key, distance)
  }

  const zoning = { units, zones, distances }
  return { ...zoning, rules: rulesInForce(rules, zoning) }
}
