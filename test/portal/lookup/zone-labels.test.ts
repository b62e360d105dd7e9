import { describe, expect, it } from 'vitest'
import { en } from '../../../portal/src/i18n/en.ts'
import { zh } from '../../../portal/src/i18n/zh.ts'
import { describeZone, layerTitle } from '../../../portal/src/lookup/zone-labels.ts'

describe('describeZone', () => {
  it('names a water-source zone with its level in words', () => {
    const zone = {
      layer: 'water_source_zones',
      title_zh: '饮用水水源保护区',
      properties: { name: '湘江水源地', source_name: '湘江', level: 'level1' },
    }

    expect(describeZone(zone, zh)).toBe('湘江水源地 · 一级保护区')
  })

  it('names a reserve zone by its reserve and function zone', () => {
    const zone = {
      layer: 'nature_reserve_zones',
      title_zh: '自然保护区功能区',
      properties: { reserve_name: '南岳衡山', reserve_level: 'national', zone: 'core' },
    }

    expect(describeZone(zone, zh)).toBe('南岳衡山 · 核心区')
  })

  it('falls back to the layer title when the zone has no name', () => {
    const zone = { layer: 'ecological_red_line', title_zh: '生态保护红线', properties: {} }

    expect(describeZone(zone, zh)).toBe('生态保护红线')
  })
})

describe('layerTitle', () => {
  const zone = { layer: 'no_raising_zones', title_zh: '畜禽禁养区', title_en: 'No-raising zones' }

  it("names a layer the interface knows in the page's own words", () => {
    expect(layerTitle(zone, zh)).toBe(zh.layer.no_raising_zones)
    expect(layerTitle(zone, en)).toBe(en.layer.no_raising_zones)
  })

  it("takes the API's title in the page's language for a layer it does not know", () => {
    const other = { ...zone, layer: 'flood_zones', title_zh: '洪泛区', title_en: 'Flood zones' }
    expect(layerTitle(other, zh)).toBe('洪泛区')
    expect(layerTitle(other, en)).toBe('Flood zones')
    expect(layerTitle({ layer: 'flood_zones', title_zh: '洪泛区' }, en)).toBe('洪泛区')
  })
})
