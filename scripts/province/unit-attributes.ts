import { seededRandom } from '../sample/seeded-random.ts'

export type UnitClass = 'priority' | 'key' | 'general'

/** The attributes of a control unit, as the `control_units` layer takes them. */
export interface UnitAttributes {
  code: string
  name: string
  class: UnitClass
  district_adcode: number
}

// The digit the national coding scheme gives each class after the six-digit adcode.
const CLASS_DIGIT: Record<UnitClass, number> = { priority: 1, key: 2, general: 3 }
const CLASS_ZH: Record<UnitClass, string> = {
  priority: '优先保护',
  key: '重点管控',
  general: '一般管控',
}
// Roughly the shares seen in published provincial zonings: most of the land is general control.
const CLASS_SHARES: [UnitClass, number][] = [
  ['priority', 0.3],
  ['key', 0.2],
  ['general', 0.5],
]

/**
 * Gives each unit, in the order given, a class drawn from the seeded generator and a code
 * ZH + city adcode + class digit + a four-digit number counted per city and class from 0001,
 * so every code is unique and matches ^ZH\d{11}$. The name reads like a published one, e.g.
 * 长沙市重点管控单元0012. Throws when a city and class would need more than 9,999 numbers.
 * Pure: the same units and seed always give the same attributes.
 */
export function assignUnitAttributes(
  units: { adcode: number }[],
  cityNames: Map<number, string>,
  seed: number,
): UnitAttributes[] {
  // A generator of its own, so the classes do not depend on how many points were drawn.
  const random = seededRandom(seed ^ 0x5bd1e995)
  const counters = new Map<string, number>()

  return units.map(({ adcode }) => {
    const unitClass = drawClass(random())
    const key = `${adcode}:${unitClass}`
    const number = (counters.get(key) ?? 0) + 1
    if (number > 9_999) {
      const message =
        `City ${adcode} needs more than 9,999 ${unitClass} units; the four-digit unit number ` +
        'cannot hold them. Ask for fewer units.'
      throw new Error(message)
    }
    counters.set(key, number)

    const sequence = String(number).padStart(4, '0')
    return {
      code: `ZH${adcode}${CLASS_DIGIT[unitClass]}${sequence}`,
      name: `${cityNames.get(adcode) ?? adcode}${CLASS_ZH[unitClass]}单元${sequence}`,
      class: unitClass,
      district_adcode: adcode,
    }
  })
}

function drawClass(value: number): UnitClass {
  let sum = 0
  for (const [unitClass, share] of CLASS_SHARES) {
    sum += share
    if (value < sum) return unitClass
  }
  return 'general'
}
