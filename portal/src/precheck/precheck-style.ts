import type { FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'
import { siteLayers, siteSource } from '../map/site-style.ts'
import { initiallyVisible } from '../map/zoning-palette.ts'
import { zoningStyle } from '../map/zoning-style.ts'

/** The GeoJSON source of the site being drawn: its outline and its vertices. */
export const drawingSource = 'precheck-drawing'

/** The line layer that outlines the units a checked site touches; its filter names them. */
export const touchedUnitsLayer = 'precheck-touched-units'

/** That layer and the white casing under it, which share its filter. */
export const touchedUnitsLayerIds = [`${touchedUnitsLayer}-casing`, touchedUnitsLayer]

/** The colour of the drawing, and of the touched units' outline. */
export const drawingColour = '#0b5cad'
export const touchedColour = '#d81b60'

/** A filter that picks the control units with these codes; none for an empty list. */
export function touchedUnitsFilter(codes: readonly string[]): FilterSpecification {
  return ['in', ['get', 'code'], ['literal', [...codes]]]
}

/**
 * The pre-check map's style: the zoning layers as the map page draws them, then the outlines of
 * the units a checked site touches, the checked site as the report draws it, and on top the site
 * being drawn. Every source but the zoning tiles starts empty.
 *
 * @param origin the server's origin; maplibre needs absolute URLs
 */
export function precheckStyle(origin: string): StyleSpecification {
  const style = zoningStyle(origin, initiallyVisible)
  const empty = { type: 'FeatureCollection' as const, features: [] }
  style.sources[siteSource] = { type: 'geojson', data: empty }
  style.sources[drawingSource] = { type: 'geojson', data: empty }
  style.layers.push(...touchedUnitLayers(), ...siteLayers(), ...drawingLayers())
  return style
}

function touchedUnitLayers(): LayerSpecification[] {
  const base = {
    type: 'line',
    source: 'control_units',
    'source-layer': 'control_units',
    filter: touchedUnitsFilter([]),
    layout: { 'line-join': 'round' },
  } as const
  const [casing, outline] = touchedUnitsLayerIds as [string, string]
  return [
    { ...base, id: casing, paint: { 'line-color': '#ffffff', 'line-width': 7 } },
    { ...base, id: outline, paint: { 'line-color': touchedColour, 'line-width': 4 } },
  ]
}

function drawingLayers(): LayerSpecification[] {
  const shape: FilterSpecification = ['==', ['get', 'role'], 'shape']
  return [
    {
      id: 'precheck-drawing-fill',
      type: 'fill',
      source: drawingSource,
      filter: ['all', shape, ['==', ['geometry-type'], 'Polygon']],
      paint: { 'fill-color': drawingColour, 'fill-opacity': 0.15 },
    },
    {
      id: 'precheck-drawing-line',
      type: 'line',
      source: drawingSource,
      filter: shape,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': drawingColour, 'line-width': 2.5, 'line-dasharray': [2, 1] },
    },
    {
      id: 'precheck-drawing-vertex',
      type: 'circle',
      source: drawingSource,
      filter: ['==', ['get', 'role'], 'vertex'],
      paint: {
        'circle-color': '#ffffff',
        'circle-radius': ['case', ['get', 'first'], 7, 5],
        'circle-stroke-color': drawingColour,
        'circle-stroke-width': ['case', ['get', 'first'], 3, 2],
      },
    },
  ]
}
