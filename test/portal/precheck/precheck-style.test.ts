import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { siteLayerIds, siteSource } from '../../../portal/src/map/site-style.ts'
import {
  drawingSource,
  precheckStyle,
  touchedUnitsFilter,
  touchedUnitsLayer,
} from '../../../portal/src/precheck/precheck-style.ts'

const origin = 'http://127.0.0.1:4321'

describe('precheckStyle', () => {
  it('is a valid style whose extra sources start empty and stay on the origin', () => {
    const style = precheckStyle(origin)

    expect(validateStyleMin(style)).toEqual([])
    for (const source of [siteSource, drawingSource]) {
      expect(style.sources[source]).toEqual({
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
      })
    }
    const urls = Object.values(style.sources).flatMap((source) =>
      'url' in source && source.url ? [source.url] : [],
    )
    expect(urls.length).toBeGreaterThan(0)
    expect(urls.every((url) => url.startsWith(`${origin}/tiles/`))).toBe(true)
  })

  it('draws the touched units under the checked site, and the drawing on top', () => {
    const ids = precheckStyle(origin).layers.map((layer) => layer.id)
    const touched = ids.indexOf(touchedUnitsLayer)
    const site = siteLayerIds().map((id) => ids.indexOf(id))
    const drawing = ids.filter((id) => id.startsWith('precheck-drawing'))

    for (const id of ids.filter((id) => id.startsWith('control_units-fill-'))) {
      expect(touched).toBeGreaterThan(ids.indexOf(id))
    }
    expect(Math.min(...site)).toBeGreaterThan(touched)
    expect(ids.slice(-drawing.length)).toEqual(drawing)
    expect(drawing).toHaveLength(3)
  })

  it('outlines only the units a filter names', () => {
    expect(touchedUnitsFilter(['ZH1', 'ZH2'])).toEqual([
      'in',
      ['get', 'code'],
      ['literal', ['ZH1', 'ZH2']],
    ])
    const layer = precheckStyle(origin).layers.find((l) => l.id === touchedUnitsLayer)
    expect(layer && 'filter' in layer && layer.filter).toEqual(touchedUnitsFilter([]))
  })
})
