import { describe, expect, it } from 'vitest'
import { zh } from '../../../portal/src/i18n/zh.ts'
import type { LookupRule } from '../../../portal/src/lookup/lookup-types.ts'
import {
  overlapAreaText,
  unitAreaText,
  unitScopeText,
  zoneColumns,
} from '../../../portal/src/units/unit-format.ts'
import type { UnitZone } from '../../../portal/src/units/unit-types.ts'

const zone = (layer: string, properties: Record<string, unknown>): UnitZone => ({
  layer,
  title_zh: '图层标题',
  id: 1,
  properties,
  overlap_m2: 1,
  share: 0.5,
})

const rule = (scope: LookupRule['scope']): LookupRule => ({
  code: 'R1',
  dimension: 'spatial_layout',
  effect: 'forbid',
  text_zh: '规则',
  industries: [],
  project_kinds: [],
  scope,
})

describe('unitAreaText', () => {
  it('gives two decimals, four below 1 km²', () => {
    expect(unitAreaText(1234.5678, zh)).toBe('1,234.57 平方千米')
    expect(unitAreaText(0.01234, zh)).toBe('0.0123 平方千米')
  })
})

describe('overlapAreaText', () => {
  it('gives km² from 1 km² up and whole m² below', () => {
    expect(overlapAreaText(4_397_967.25, zh)).toBe('4.40 平方千米')
    expect(overlapAreaText(9_876.5, zh)).toBe('9,877 平方米')
  })
})

describe('zoneColumns', () => {
  it('names a zone and its grade in words', () => {
    expect(
      zoneColumns(zone('water_source_zones', { name: '一级区', level: 'level1' }), zh),
    ).toEqual({ name: '一级区', grade: '一级保护区' })
    expect(
      zoneColumns(zone('nature_reserve_zones', { reserve_name: '南岳', zone: 'core' }), zh),
    ).toEqual({ name: '南岳', grade: '核心区' })
    expect(
      zoneColumns(zone('industrial_parks', { name: '松木', park_level: 'national' }), zh),
    ).toEqual({ name: '松木', grade: '国家级' })
    expect(zoneColumns(zone('no_raising_zones', { name: '禁养', kind: 'restricted' }), zh)).toEqual(
      { name: '禁养', grade: '限养区' },
    )
  })

  it('shows an unknown grade as it came, and falls back to the layer title for a name', () => {
    expect(zoneColumns(zone('water_source_zones', { level: 'level9' }), zh)).toEqual({
      name: zh.layer.water_source_zones,
      grade: 'level9',
    })
    expect(zoneColumns(zone('ecological_red_line', { name: '红线' }), zh)).toEqual({
      name: '红线',
      grade: '',
    })
  })
})

describe('unitScopeText', () => {
  it('says a unit or class rule holds in the whole unit', () => {
    expect(unitScopeText(rule({ kind: 'unit', unit_code: 'ZH1' }), zh)).toBe('适用范围：本单元')
    expect(unitScopeText(rule({ kind: 'class', unit_class: 'priority' }), zh)).toBe(
      '适用范围：全部优先保护单元',
    )
  })

  it('names the zone of a zone rule', () => {
    expect(
      unitScopeText(rule({ kind: 'zone', layer: 'water_source_zones', zone_name: 'A' }), zh),
    ).toBe('适用范围：单元内的A')
  })

  it('says how near the unit comes to the feature of a distance rule', () => {
    const scope = { kind: 'distance', layer: 'rivers', within_m: 1000, feature_name: '湘江' }
    expect(unitScopeText(rule({ ...scope, distance_m: 0 }), zh)).toBe(
      '适用范围：单元内湘江 1,000 米以内的部分',
    )
    expect(unitScopeText(rule({ ...scope, distance_m: 420.4 }), zh)).toBe(
      '适用范围：湘江 1,000 米以内（本单元边界距其最近约 420 米）',
    )
  })
})
