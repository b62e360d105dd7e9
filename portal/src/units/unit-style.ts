import type { LayerSpecification, StyleSpecification } from 'maplibre-gl'
import { initiallyVisible } from '../map/zoning-palette.ts'
import { selectedUnitLayer, zoningStyle } from '../map/zoning-style.ts'
import { isTerm, LAYER_NAMES, type LayerName } from '../zoning/zoning-terms.ts'

/** The fill that washes out every unit but the one the page is about. */
export const otherUnitsLayer = 'unit-page-other-units'

/** The outline of the page's unit: the map page's selection outline, filtered to its code. */
export const unitOutlineLayer = selectedUnitLayer

/**
 * The zoning style for one unit's map, from the product's own tiles alone: the layers the map
 * page shows at first and those of the zones overlapping the unit, every other unit washed out
 * under a pale fill (below the outlines, so neighbours stay readable), and the unit outlined.
 *
 * @param origin the server's origin; maplibre needs absolute URLs
 * @param code the unit's code
 * @param zoneLayers layers of the zones that overlap the unit
 */
export function unitStyle(
  origin: string,
  code: string,
  zoneLayers: readonly string[],
): StyleSpecification {
  const visible: Record<LayerName, boolean> = { ...initiallyVisible }
  for (const layer of zoneLayers) if (isTerm(LAYER_NAMES, layer)) visible[layer] = true

  const style = zoningStyle(origin, visible)
  const layers = style.layers.map((layer) =>
    layer.id === unitOutlineLayer
      ? ({ ...layer, filter: ['==', ['get', 'code'], code] } as LayerSpecification)
      : layer,
  )
  const firstOutline = layers.findIndex((layer) => layer.id.startsWith('control_units-line-'))
  layers.splice(firstOutline < 0 ? layers.length : firstOutline, 0, otherUnits(code))
  return { ...style, layers }
}

function otherUnits(code: string): LayerSpecification {
  return {
    id: otherUnitsLayer,
    type: 'fill',
    source: 'control_units',
    'source-layer': 'control_units',
    filter: ['!=', ['get', 'code'], code],
    paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.6 },
  }
}
