import { describe, expect, it } from 'vitest'
import { provinceAccessList, type RuleItem } from '../../bench/province-rules.ts'

const SAMPLE_RULES: RuleItem[] = [
  { code: 'R001', unit_class: 'key', text_zh: '重点管控' },
  { code: 'R002', layer: 'water_source_zones', text_zh: '水源' },
  { code: 'R003', unit_code: 'ZH43040720001', text_zh: '园区一' },
  { code: 'R004', unit_code: 'ZH43040720001', text_zh: '园区二' },
  { code: 'R005', unit_code: 'ZH43040720002', text_zh: '城区' },
]
const SAMPLE_UNITS = [
  { code: 'ZH43040720001', class: 'key' },
  { code: 'ZH43040720002', class: 'key' },
  { code: 'ZH43040730001', class: 'general' },
]

function provinceUnits(count: number, unitClass: string) {
  const digit = { priority: 1, key: 2, general: 3 }[unitClass]
  return Array.from({ length: count }, (_, i) => ({
    code: `ZH430100${digit}${String(i + 1).padStart(4, '0')}`,
    class: unitClass,
  }))
}

describe('provinceAccessList', () => {
  const units = [
    ...provinceUnits(1000, 'key'),
    ...provinceUnits(5, 'general'),
    ...provinceUnits(5, 'priority'),
  ]
  const list = provinceAccessList(SAMPLE_RULES, SAMPLE_UNITS, units, 1)

  it('keeps the rules on classes and layers as they are, first', () => {
    expect(list.slice(0, 2)).toEqual(SAMPLE_RULES.slice(0, 2))
  })

  it('gives each unit the rules of one sample unit of its class, under its own code', () => {
    const own = list.slice(2)
    const byUnit = new Map<string, RuleItem[]>()
    for (const rule of own)
      byUnit.set(rule.unit_code!, [...(byUnit.get(rule.unit_code!) ?? []), rule])
    for (const unit of units.filter((u) => u.class === 'key')) {
      const texts = (byUnit.get(unit.code) ?? []).map((rule) => rule.text_zh)
      expect([['园区一', '园区二'], ['城区']]).toContainEqual(texts)
      for (const rule of byUnit.get(unit.code)!) {
        expect(rule.code).toMatch(new RegExp(`^${unit.code}-R00[345]$`))
      }
    }
    // The general sample unit has no rules of its own, and the sample has no priority unit.
    for (const unit of units.filter((u) => u.class !== 'key'))
      expect(byUnit.has(unit.code)).toBe(false)
  })

  it('draws the model units evenly, and codes stay unique', () => {
    const withTwo = units.filter(
      (unit) => list.filter((rule) => rule.unit_code === unit.code).length === 2,
    ).length
    // Each of the two key models with probability ½: 500 ± 3σ (σ ≈ 16).
    expect(withTwo).toBeGreaterThan(450)
    expect(withTwo).toBeLessThan(550)
    expect(list).toHaveLength(2 + 2 * withTwo + (1000 - withTwo))
    expect(new Set(list.map((rule) => rule.code)).size).toBe(list.length)
  })

  it('gives the same list for the same seed and another for another seed', () => {
    expect(provinceAccessList(SAMPLE_RULES, SAMPLE_UNITS, units, 1)).toEqual(list)
    expect(provinceAccessList(SAMPLE_RULES, SAMPLE_UNITS, units, 2)).not.toEqual(list)
  })
})
