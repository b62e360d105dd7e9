import { describe, expect, it } from 'vitest'
import { distanceKey, rulesInForce, type Rule } from '../../server/zoning/access-list.ts'
import type { UnitHit, ZoneHit } from '../../server/zoning/site-zoning.ts'
import { ruleOf } from '../support/rules.ts'

const unit: UnitHit = {
  code: 'ZH43040720001',
  name: '单元',
  class: 'key',
  district_adcode: 430407,
  district_name: '石鼓区',
  area_km2: 10,
  overlap_m2: null,
  overlap_length_m: null,
  share: 1,
}
const zone: ZoneHit = {
  layer: 'water_source_zones',
  title_zh: '',
  title_en: '',
  id: 7,
  properties: { name: '一级区', level: 'level1' },
  overlap_m2: null,
  overlap_length_m: null,
  share: 1,
}

describe('rules in force', () => {
  const river = ruleOf({ code: 'D', layer: 'rivers', within_m: 1000 })
  const rules: Rule[] = [
    ruleOf({ code: 'U', unit_code: unit.code }),
    ruleOf({ code: 'U2', unit_code: 'ZH43040730001' }),
    ruleOf({ code: 'K', unit_class: 'key' }),
    ruleOf({ code: 'G', unit_class: 'general' }),
    ruleOf({ code: 'Z1', layer: 'water_source_zones', layer_filter: { level: 'level1' } }),
    ruleOf({ code: 'Z2', layer: 'water_source_zones', layer_filter: { level: 'level2' } }),
    ruleOf({ code: 'Z', layer: 'water_source_zones' }),
    river,
  ]

  it('brings the rules of the unit, its class and the zones that match the filter', () => {
    const inForce = rulesInForce(rules, { units: [unit], zones: [zone], distances: new Map() })
    expect(inForce.map((r) => r.code)).toEqual(['U', 'K', 'Z1', 'Z'])
    expect(inForce.find((r) => r.code === 'Z1')?.trigger).toEqual({
      kind: 'zone',
      layer: 'water_source_zones',
      zone_id: 7,
      zone_name: '一级区',
    })
  })

  it('brings a distance rule only when its distance was found within reach', () => {
    const nearest = { distance_m: 850, feature_id: 3, feature_name: '湘江' }
    const distances = new Map([[distanceKey(river), nearest]])
    const inForce = rulesInForce(rules, { units: [], zones: [], distances })
    expect(inForce.map((r) => r.code)).toEqual(['D'])
    expect(inForce[0]!.trigger).toEqual({
      kind: 'distance',
      layer: 'rivers',
      within_m: 1000,
      distance_m: 850,
      feature_id: 3,
      feature_name: '湘江',
    })
  })
})
