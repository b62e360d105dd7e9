import { describe, expect, it } from 'vitest'
import { stAsMvtSql } from '../../bench/st-asmvt.ts'
import type { Layer } from '../../server/tiles/layer-catalog.ts'

function layer(name: string, tableName: string, attributes: string[]): Layer {
  return {
    name,
    tableName,
    titleZh: name,
    titleEn: name,
    geometryKind: 'polygon',
    role: 'zone',
    attributes: attributes.map((a) => ({
      name: a,
      type: 'text',
      required: true,
      description_zh: a,
      description_en: a,
      aliases: [],
    })),
    minzoom: 0,
    maxzoom: 14,
    maxAge: 60,
    staleWhileRevalidate: 60,
    dataVersion: 1,
    dataToken: 'a1b2c3d4',
    featureCount: 1,
    repairedCount: 0,
    source: null,
    loadedAt: null,
    bounds: [0, 0, 1, 1],
  }
}

describe('ST_AsMVT reference query', () => {
  it('makes one named MVT layer per catalogue layer, concatenated', () => {
    const sql = stAsMvtSql([
      layer('districts', 'districts', ['adcode', 'name']),
      layer('rivers', 'rivers', ['name']),
    ])
    expect(sql.match(/ST_AsMVT\(t, 'districts', 4096/g)).toHaveLength(1)
    expect(sql.match(/ST_AsMVT\(t, 'rivers', 4096/g)).toHaveLength(1)
    expect(sql).toContain('SELECT id, "adcode", "name",')
    expect(sql.match(/\|\|/g)).toHaveLength(1)
  })

  it('binds the tile address and quotes names from the catalogue', () => {
    const sql = stAsMvtSql([layer("odd'name", 'odd"table', ['a"b'])])
    expect(sql).toContain('ST_TileEnvelope($1, $2, $3)')
    expect(sql).toContain(`'odd''name'`)
    expect(sql).toContain('FROM "odd""table" AS l')
    expect(sql).toContain('"a""b"')
  })
})
