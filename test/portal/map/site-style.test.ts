import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import type { SiteGeometry } from '../../../portal/src/check/check-types.ts'
import { siteLayerIds, siteSource, siteStyle } from '../../../portal/src/map/site-style.ts'

const origin = 'http://127.0.0.1:4321'
const square: SiteGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [112.08, 27.02],
      [112.1, 27.02],
      [112.1, 27.03],
      [112.08, 27.02],
    ],
  ],
}

function visibility(style: ReturnType<typeof siteStyle>, source: string) {
  return style.layers
    .filter((layer) => 'source' in layer && layer.source === source)
    .map((layer) => layer.layout?.visibility)
}

describe('siteStyle', () => {
  it('is a valid style that draws the site on top of every zoning layer', () => {
    const style = siteStyle(origin, square, [])

    expect(validateStyleMin(style)).toEqual([])
    expect(style.sources[siteSource]).toEqual({
      type: 'geojson',
      data: { type: 'Feature', properties: {}, geometry: square },
    })
    expect(style.layers.slice(-siteLayerIds().length).map((layer) => layer.id)).toEqual(
      siteLayerIds(),
    )
  })

  it('rings only point sites, not the corners of an area', () => {
    const site = siteStyle(origin, square, []).layers.filter(
      (layer) => 'source' in layer && layer.source === siteSource,
    )
    const circles = site.filter((layer) => layer.type === 'circle')

    expect(circles).toHaveLength(1)
    expect(circles[0] && 'filter' in circles[0] && circles[0].filter).toEqual([
      '==',
      ['geometry-type'],
      'Point',
    ])
  })

  it('shows the layers of the zones the site touches, hidden on the map page at first', () => {
    const hidden = visibility(siteStyle(origin, square, []), 'no_raising_zones')
    const shown = visibility(siteStyle(origin, square, ['no_raising_zones']), 'no_raising_zones')
    // Fills and outline alike.
    expect(hidden.length).toBeGreaterThanOrEqual(2)
    expect(hidden).toEqual(hidden.map(() => 'none'))
    expect(shown).toEqual(hidden.map(() => 'visible'))
  })
})
