import type { LayerSpecification } from 'maplibre-gl'
import { describe, expect, it } from 'vitest'
import { initiallyVisible } from '../../../portal/src/map/zoning-palette.ts'
import { zoningStyle } from '../../../portal/src/map/zoning-style.ts'
import { LAYER_NAMES } from '../../../portal/src/zoning/zoning-terms.ts'

const origin = 'http://127.0.0.1:4321'

function layersOf(source: string, layers: LayerSpecification[]) {
  return layers.filter((layer) => 'source' in layer && layer.source === source)
}

describe('zoningStyle', () => {
  const style = zoningStyle(origin, initiallyVisible)

  it('reads every published layer from its TileJSON on the given origin', () => {
    for (const name of LAYER_NAMES) {
      expect(style.sources[name]).toEqual({ type: 'vector', url: `${origin}/tiles/${name}.json` })
    }
  })

  it('loads nothing but the zoning sources: no glyphs, sprite, raster or text layers', () => {
    expect(style.glyphs).toBeUndefined()
    expect(style.sprite).toBeUndefined()
    expect(Object.values(style.sources).map((source) => source.type)).not.toContain('raster')
    expect(style.layers.map((layer) => layer.type)).not.toContain('symbol')
    expect(style.layers[0]).toMatchObject({ type: 'background' })
  })

  it('reads each vector layer from the tile layer of the same name', () => {
    for (const layer of style.layers) {
      if (!('source-layer' in layer)) continue
      expect(layer['source-layer']).toBe(layer.source)
    }
  })

  it('tells unit classes apart by outline: dashed key units, heavier priority units', () => {
    const outline = (unitClass: string) =>
      layersOf('control_units', style.layers).find(
        (layer) => layer.id === `control_units-line-${unitClass}`,
      )
    const width = (unitClass: string) => {
      const layer = outline(unitClass)
      return layer?.type === 'line' ? layer.paint?.['line-width'] : undefined
    }
    const dash = (unitClass: string) => {
      const layer = outline(unitClass)
      return layer?.type === 'line' ? layer.paint?.['line-dasharray'] : undefined
    }

    expect(dash('key')).toBeDefined()
    expect(dash('priority')).toBeUndefined()
    expect(dash('general')).toBeUndefined()
    expect(width('priority')).toBeGreaterThan(width('general') as number)
  })

  it('starts the layers whose toggle is off hidden and the others visible', () => {
    const hidden = zoningStyle(origin, { ...initiallyVisible, rivers: false, control_units: true })

    for (const layer of layersOf('rivers', hidden.layers)) {
      expect(layer.layout?.visibility).toBe('none')
    }
    for (const layer of layersOf('control_units', hidden.layers)) {
      expect(layer.layout?.visibility).toBe('visible')
    }
  })
})
