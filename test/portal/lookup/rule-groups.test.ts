import { describe, expect, it } from 'vitest'
import type { LookupRule } from '../../../portal/src/lookup/lookup-types.ts'
import { groupRulesByDimension } from '../../../portal/src/lookup/rule-groups.ts'

function rule(code: string, dimension: string, effect: string): LookupRule {
  return { code, dimension, effect, text_zh: code, industries: [], project_kinds: [] }
}

describe('groupRulesByDimension', () => {
  it('returns the four dimensions in their fixed order, empty ones included', () => {
    const groups = groupRulesByDimension([rule('A', 'resource_efficiency', 'encourage')])

    expect(groups.map((group) => group.dimension)).toEqual([
      'spatial_layout',
      'emission_control',
      'risk_prevention',
      'resource_efficiency',
    ])
    expect(groups.map((group) => group.rules.length)).toEqual([0, 0, 0, 1])
  })

  it('puts forbidding rules first, then restricting, conditional and encouraging ones', () => {
    const groups = groupRulesByDimension([
      rule('R4', 'spatial_layout', 'encourage'),
      rule('R2', 'spatial_layout', 'restrict'),
      rule('R3', 'spatial_layout', 'condition'),
      rule('R1b', 'spatial_layout', 'forbid'),
      rule('R1a', 'spatial_layout', 'forbid'),
    ])

    expect(groups[0]?.rules.map((r) => r.code)).toEqual(['R1a', 'R1b', 'R2', 'R3', 'R4'])
  })

  it('keeps a rule of an unknown dimension in a group of its own after the four', () => {
    const groups = groupRulesByDimension([rule('X1', 'noise_zoning', 'forbid')])

    expect(groups).toHaveLength(5)
    expect(groups[4]).toEqual({
      dimension: 'noise_zoning',
      rules: [expect.objectContaining({ code: 'X1' })],
    })
  })
})
