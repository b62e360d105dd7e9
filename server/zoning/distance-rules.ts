import type { Layer } from '../tiles/layer-catalog.ts'
import { distanceKey, type Rule } from './access-list.ts'
import type { NearestFeature } from './site-zoning.ts'

/** Finds the nearest feature of `layer` matching `filter` within `withinM` metres, if any. */
export type FindNearest = (
  layer: Layer,
  filter: Record<string, string> | null,
  withinM: number,
) => Promise<NearestFeature | undefined>

/**
 * The nearest feature within reach of each distance rule among `rules`, keyed by distanceKey,
 * as `find` finds it. One search per distinct layer, filter and distance: an access list has few
 * of them. A rule whose layer is not in the catalogue `layers` reaches nothing, and nothing is
 * kept for a rule whose search found nothing.
 */
export async function nearestPerRule(
  rules: Rule[],
  layers: Layer[],
  find: FindNearest,
): Promise<Map<string, NearestFeature>> {
  const distinct = new Map(
    rules.filter((r) => r.layer !== null && r.within_m !== null).map((r) => [distanceKey(r), r]),
  )
  const found = await Promise.all(
    [...distinct].map(async ([key, rule]) => {
      const layer = layers.find((l) => l.name === rule.layer)
      if (!layer) return undefined
      const nearest = await find(layer, rule.layer_filter, rule.within_m!)
      return nearest && ([key, nearest] as const)
    }),
  )
  return new Map(found.filter((entry) => entry !== undefined))
}
