import type { RuleInForce, Trigger } from './access-list.ts'

/**
 * A rule in force as the API shows it: the rule's content, and under `scope` what brought it
 * into force at this site (its unit, a unit's class, a zone, or a distance).
 */
export function ruleView(rule: RuleInForce) {
  return {
    code: rule.code,
    dimension: rule.dimension,
    effect: rule.effect,
    text_zh: rule.text_zh,
    legal_basis: rule.legal_basis,
    industries: rule.industries,
    project_kinds: rule.project_kinds,
    scope: scopeView(rule.trigger, rule.layer_filter),
  }
}

function scopeView(trigger: Trigger, layerFilter: RuleInForce['layer_filter']) {
  switch (trigger.kind) {
    case 'unit':
    case 'class':
      return trigger
    case 'zone':
      return { ...trigger, layer_filter: layerFilter }
    case 'distance':
      // Decimetres are more than the data's accuracy supports.
      return {
        ...trigger,
        layer_filter: layerFilter,
        distance_m: Math.round(trigger.distance_m * 10) / 10,
      }
  }
}
