import maplibregl, { type Map as MaplibreMap, type StyleSpecification } from 'maplibre-gl'
import { stringsFor } from '../i18n/index.ts'
import { addBasemap } from './basemap.ts'

export interface InteractiveMapOptions {
  style: StyleSpecification
  /** The extent shown first: west, south, east, north. */
  bounds: [number, number, number, number]
  /** The map's accessible name, when the page has more than one kind of map. */
  title?: string
  /** False where a click means something else, e.g. a vertex of a drawn site. */
  doubleClickZoom?: boolean
}

/**
 * A flat, north-up map with zoom buttons, a metric scale and the configured basemap, or
 * undefined when the browser cannot draw WebGL. Zoning is read in plan: tilting and turning
 * would only make boundaries harder to judge.
 */
export function createInteractiveMap(
  container: HTMLElement,
  options: InteractiveMapOptions,
): MaplibreMap | undefined {
  const controls = stringsFor().map.controls
  let map: MaplibreMap
  try {
    map = new maplibregl.Map({
      container,
      style: options.style,
      bounds: options.bounds,
      fitBoundsOptions: { padding: 8 },
      locale: options.title ? { ...controls, 'Map.Title': options.title } : controls,
      attributionControl: { compact: true },
      doubleClickZoom: options.doubleClickZoom ?? true,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
    })
  } catch {
    return undefined
  }

  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right')
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left')
  void addBasemap(map)
  return map
}
