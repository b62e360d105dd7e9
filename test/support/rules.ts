import type { Rule } from '../../server/zoning/access-list.ts'

/** A forbidding spatial-layout rule for all industries and kinds, scoped by `overrides`. */
export function ruleOf<T extends Partial<Rule>>(overrides: T): Rule & T {
  return {
    code: 'R',
    unit_code: null,
    unit_class: null,
    layer: null,
    layer_filter: null,
    within_m: null,
    dimension: 'spatial_layout',
    effect: 'forbid',
    industries: [],
    project_kinds: [],
    text_zh: '规则',
    legal_basis: null,
    ...overrides,
  }
}
