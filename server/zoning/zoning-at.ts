import type { Queryable } from '../db/database.ts'
import type { SiteGeometry } from '../geo/geojson-geometry.ts'
import type { Layer } from '../tiles/layer-catalog.ts'
import { readRules, rulesInForce, type RuleInForce, type SiteZoning } from './access-list.ts'
import { nearestPerRule } from './distance-rules.ts'
import { distanceWithin, unitsTouched, zonesTouched } from './site-zoning.ts'

export interface ZoningAt extends SiteZoning {
  rules: RuleInForce[]
}

/**
 * Everything the zoning says about a site: the units and zones it touches, the distance rules
 * within reach, and the rules those bring into force, for every industry and project kind.
 * `layers` is the catalogue, read beforehand: in a transaction on the embedded database, reading
 * it through the LayerCatalog would wait for that very transaction.
 */
export async function zoningAt(
  db: Queryable,
  layers: Layer[],
  site: SiteGeometry,
): Promise<ZoningAt> {
  const [units, zones] = await Promise.all([unitsTouched(db, site), zonesTouched(db, layers, site)])
  // An access list holds rules for every unit: reading only those of the units touched keeps
  // a province-wide list (13,000 rules measured) from costing tens of milliseconds per check.
  const rules = await readRules(
    db,
    units.map((unit) => unit.code),
  )

  const distances = await nearestPerRule(rules, layers, (layer, filter, withinM) =>
    distanceWithin(db, layer, filter, withinM, site),
  )

  const zoning = { units, zones, distances }
  return { ...zoning, rules: rulesInForce(rules, zoning) }
}
