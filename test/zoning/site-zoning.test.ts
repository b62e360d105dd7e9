import { describe, expect, it } from 'vitest'
import type { Layer, LayerAttribute } from '../../server/tiles/layer-catalog.ts'
import { nearestQuery, type ReachOrigin } from '../../server/zoning/site-zoning.ts'

// The query is built without a database; that it finds the right feature on PostGIS is tested
// in distance-reach.test.ts and, from a unit, in test/api/units.test.ts.

const attribute = (name: string): LayerAttribute => ({
  name,
  type: 'text',
  required: false,
  description_zh: name,
  description_en: name,
  aliases: [],
})

const rivers = {
  name: 'rivers',
  tableName: 'rivers',
  attributes: [attribute('name'), attribute('level')],
} as Layer

const unit: ReachOrigin = {
  given: 'SELECT geom AS g FROM control_units WHERE code = $1',
  param: 'ZH43040720001',
}

describe('nearestQuery', () => {
  it('measures from the origin, binding its parameter first and the reach second', () => {
    const query = nearestQuery(rivers, null, 900, unit)!
    expect(query.params).toEqual(['ZH43040720001', 900])
    expect(query.sql).toContain(`FROM (${unit.given}) given`)
    expect(query.sql).toContain('FROM "rivers", site')
    expect(query.sql).toContain('"name"::text AS name')
  })

  it('binds each filter value after them, against the attribute named in quotes', () => {
    const query = nearestQuery(rivers, { level: '一级' }, 500, unit)!
    expect(query.params).toEqual(['ZH43040720001', 500, '一级'])
    expect(query.sql).toContain('AND "level"::text = $3')
  })

  it('names no feature for a layer without a name attribute', () => {
    const wells = { ...rivers, tableName: 'wells', attributes: [attribute('level')] } as Layer
    expect(nearestQuery(wells, null, 500, unit)!.sql).toContain('NULL::text AS name')
  })

  it('is undefined when the filter names an attribute the layer does not publish', () => {
    expect(nearestQuery(rivers, { 'kind" OR true --': 'x' }, 500, unit)).toBeUndefined()
  })
})
