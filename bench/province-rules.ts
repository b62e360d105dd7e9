import { seededRandom } from '../scripts/sample/seeded-random.ts'

/** A rule as rules.json holds it: what `npm run import -- FILE --layer rules` takes. */
export interface RuleItem {
  code: string
  unit_code?: string | null
  [field: string]: unknown
}

export interface UnitOfClass {
  code: string
  class: string
}

/**
 * An access list for the province layer, shaped like the sample's: the sample's rules on unit
 * classes and layers as they are, and for each province unit the rules of one sample unit of
 * the same class, drawn at random (units without rules of their own included), under the
 * province unit's code. A copied rule's code is the unit's code and the sample rule's, so codes
 * stay unique. Units of a class the sample lacks get no rules of their own. The same inputs and
 * seed always give the same list. Pure.
 */
export function provinceAccessList(
  sampleRules: RuleItem[],
  sampleUnits: UnitOfClass[],
  provinceUnits: UnitOfClass[],
  seed: number,
): RuleItem[] {
  const random = seededRandom(seed ^ 0x68e31da4)
  const byUnit = new Map<string, RuleItem[]>()
  for (const rule of sampleRules) {
    if (!rule.unit_code) continue
    byUnit.set(rule.unit_code, [...(byUnit.get(rule.unit_code) ?? []), rule])
  }
  const byClass = new Map<string, UnitOfClass[]>()
  for (const unit of sampleUnits)
    byClass.set(unit.class, [...(byClass.get(unit.class) ?? []), unit])

  const list = sampleRules.filter((rule) => !rule.unit_code)
  for (const unit of provinceUnits) {
    const models = byClass.get(unit.class)
    if (!models) continue
    const model = models[Math.floor(random() * models.length)]!
    for (const rule of byUnit.get(model.code) ?? []) {
      list.push({ ...rule, code: `${unit.code}-${rule.code}`, unit_code: unit.code })
    }
  }
  return list
}
