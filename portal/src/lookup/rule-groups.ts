import { DIMENSIONS, EFFECTS, isTerm, type Dimension } from '../zoning/zoning-terms.ts'
import type { LookupRule } from './lookup-types.ts'

export interface RuleGroup<R extends LookupRule = LookupRule> {
  /** One of the four dimensions, or the raw value of one the portal does not know yet. */
  dimension: Dimension | string
  rules: R[]
}

/**
 * Groups rules by dimension: the four dimensions always, in their fixed order and possibly
 * empty, then any unknown dimension so that no rule goes unshown. Within a group the strictest
 * effect comes first, then rules by code.
 */
export function groupRulesByDimension<R extends LookupRule>(rules: readonly R[]): RuleGroup<R>[] {
  const groups = new Map<string, R[]>(DIMENSIONS.map((dimension) => [dimension, []]))

  for (const rule of rules) {
    const group = groups.get(rule.dimension)
    if (group) group.push(rule)
    else groups.set(rule.dimension, [rule])
  }

  return [...groups].map(([dimension, grouped]) => ({
    dimension,
    rules: [...grouped].sort(byStrictness),
  }))
}

function byStrictness(a: LookupRule, b: LookupRule): number {
  return effectRank(a.effect) - effectRank(b.effect) || a.code.localeCompare(b.code)
}

function effectRank(effect: string): number {
  return isTerm(EFFECTS, effect) ? EFFECTS.indexOf(effect) : EFFECTS.length
}
