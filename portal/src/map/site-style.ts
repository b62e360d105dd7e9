import type { LayerSpecification, StyleSpecification } from 'maplibre-gl'
import type { SiteGeometry } from '../check/check-types.ts'
import { isTerm, LAYER_NAMES, type LayerName } from '../zoning/zoning-terms.ts'
import { highlight, initiallyVisible } from './zoning-palette.ts'
import { zoningStyle } from './zoning-style.ts'

/** The GeoJSON source that holds a checked site. */
export const siteSource = 'check-site'

/** The layers that draw the site, for tests to query. */
export const siteLayerIds = (): string[] => siteLayers().map((layer) => layer.id)

/**
 * The zoning style with a checked site drawn on top: a grey fill and a heavy dark outline on a
 * white casing, so it stands apart from every unit outline; a point is a ringed dot. Layers that
 * the map page hides at first are shown when the site lies in or near one of their features.
 *
 * @param origin the server's origin; maplibre needs absolute URLs
 * @param site WGS84 longitude/latitude
 * @param touchedLayers layers of the zones the site lies in or near
 */
export function siteStyle(
  origin: string,
  site: SiteGeometry,
  touchedLayers: readonly string[],
): StyleSpecification {
  const visible: Record<LayerName, boolean> = { ...initiallyVisible }
  for (const layer of touchedLayers) if (isTerm(LAYER_NAMES, layer)) visible[layer] = true

  const style = zoningStyle(origin, visible)
  style.sources[siteSource] = {
    type: 'geojson',
    data: { type: 'Feature', properties: {}, geometry: site },
  }
  style.layers.push(...siteLayers())
  return style
}

/** Fill layers draw areas only; circle layers would also ring every vertex, hence the filter. */
export function siteLayers(): LayerSpecification[] {
  return [
    {
      id: 'check-site-fill',
      type: 'fill',
      source: siteSource,
      paint: { 'fill-color': highlight, 'fill-opacity': 0.22 },
    },
    {
      id: 'check-site-casing',
      type: 'line',
      source: siteSource,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 7 },
    },
    {
      id: 'check-site-line',
      type: 'line',
      source: siteSource,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': highlight, 'line-width': 3.5 },
    },
    {
      id: 'check-site-point',
      type: 'circle',
      source: siteSource,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': highlight,
        'circle-radius': 7,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 3,
      },
    },
  ]
}
