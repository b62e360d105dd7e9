import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { selectedUnitLayer } from '../../../portal/src/map/zoning-style.ts'
import {
  otherUnitsLayer,
  unitOutlineLayer,
  unitStyle,
} from '../../../portal/src/units/unit-style.ts'

const origin = 'http://127.0.0.1:4321'

describe('unitStyle', () => {
  it('is a valid style from the server’s own tiles alone', () => {
    const style = unitStyle(origin, 'ZH43040720001', [])
    expect(validateStyleMin(style)).toEqual([])

    const urls = Object.values(style.sources).flatMap((source) =>
      'url' in source && source.url ? [source.url] : [],
    )
    expect(urls.length).toBeGreaterThan(5)
    expect(urls.every((url) => url.startsWith(`${origin}/tiles/`))).toBe(true)
    expect(style.layers.some((layer) => layer.type === 'raster')).toBe(false)
  })

  it('outlines the unit and washes out the others beneath the outlines', () => {
    const style = unitStyle(origin, 'ZH43040720001', [])
    const ids = style.layers.map((layer) => layer.id)
    const outline = style.layers.find((layer) => layer.id === unitOutlineLayer)
    const others = style.layers.find((layer) => layer.id === otherUnitsLayer)

    expect(unitOutlineLayer).toBe(selectedUnitLayer)
    expect(outline && 'filter' in outline && outline.filter).toEqual([
      '==',
      ['get', 'code'],
      'ZH43040720001',
    ])
    expect(others && 'filter' in others && others.filter).toEqual([
      '!=',
      ['get', 'code'],
      'ZH43040720001',
    ])
    for (const id of ids.filter((id) => id.startsWith('control_units-fill-'))) {
      expect(ids.indexOf(otherUnitsLayer)).toBeGreaterThan(ids.indexOf(id))
    }
    expect(ids.indexOf(otherUnitsLayer)).toBeLessThan(ids.indexOf('control_units-line-general'))
  })

  it('shows the layers of the zones in the unit, also those the map page hides at first', () => {
    const visibility = (zones: string[]) =>
      unitStyle(origin, 'ZH43040720001', zones).layers.find(
        (layer) => layer.id === 'no_raising_zones-fill-no_raising',
      )?.layout?.visibility
    expect(visibility([])).toBe('none')
    expect(visibility(['no_raising_zones'])).toBe('visible')
  })
})
