import { describe, expect, it } from 'vitest'
import type { Layer } from '../../server/tiles/layer-catalog.ts'
import { nearestPerRule, type FindNearest } from '../../server/zoning/distance-rules.ts'
import { ruleOf } from '../support/rules.ts'

const layers = [{ name: 'rivers' }, { name: 'facilities' }] as Layer[]

/** Finds a feature as far as the reach, in every layer but facilities; notes each search. */
function finder(searches: string[]): FindNearest {
  return async (layer, filter, withinM) => {
    searches.push(JSON.stringify([layer.name, filter, withinM]))
    if (layer.name === 'facilities') return undefined
    return { distance_m: withinM, feature_id: 1, feature_name: null }
  }
}

describe('nearestPerRule', () => {
  it('searches once per layer, filter and reach, keyed as the access list keys rules', async () => {
    const searches: string[] = []
    const rules = [
      ruleOf({ code: 'A', layer: 'rivers', within_m: 500 }),
      ruleOf({ code: 'B', layer: 'rivers', within_m: 500 }),
      ruleOf({ code: 'C', layer: 'rivers', within_m: 900 }),
      ruleOf({ code: 'D', layer: 'rivers', within_m: 500, layer_filter: { level: '一级' } }),
    ]
    const found = await nearestPerRule(rules, layers, finder(searches))

    expect(searches.sort()).toEqual([
      '["rivers",null,500]',
      '["rivers",null,900]',
      '["rivers",{"level":"一级"},500]',
    ])
    expect(found.get('["rivers",null,900]')?.distance_m).toBe(900)
    expect(found.size).toBe(3)
  })

  it('leaves out rules of no distance, of an unknown layer, or with nothing in reach', async () => {
    const searches: string[] = []
    const rules = [
      ruleOf({ code: 'U', unit_code: 'ZH43040720001' }),
      ruleOf({ code: 'Z', layer: 'water_source_zones' }),
      ruleOf({ code: 'G', layer: 'graves', within_m: 500 }),
      ruleOf({ code: 'F', layer: 'facilities', within_m: 500 }),
    ]
    const found = await nearestPerRule(rules, layers, finder(searches))

    expect(searches).toEqual(['["facilities",null,500]'])
    expect(found.size).toBe(0)
  })
})
