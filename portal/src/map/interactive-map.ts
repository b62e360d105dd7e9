import maplibregl, {
  type Map as MaplibreMap,
  type RequestTransformFunction,
  type StyleSpecification,
} from 'maplibre-gl'
import { stringsFor } from '../i18n/index.ts'
import { addBasemap } from './basemap.ts'

export interface InteractiveMapOptions {
  style: StyleSpecification
  /** The extent shown first: west, south, east, north. */
  bounds: [number, number, number, number]
  /** Room around `bounds` in pixels, and the closest zoom it is shown at. */
  fit?: { padding: number; maxZoom?: number }
  /** The map's accessible name, when the page has more than one kind of map. */
  title?: string
  /** Control texts beyond the shared ones, e.g. the hints of cooperative gestures. */
  locale?: Record<string, string>
  /** False where a click means something else, e.g. a vertex of a drawn site. */
  doubleClickZoom?: boolean
  /** Two fingers to pan and a key with the wheel to zoom, where the page scrolls over the map. */
  cooperativeGestures?: boolean
  /** Adds what a request needs, e.g. a token for tiles that are not public. */
  transformRequest?: RequestTransformFunction
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
  let map: MaplibreMap
  try {
    map = new maplibregl.Map({
      container,
      style: options.style,
      bounds: options.bounds,
      fitBoundsOptions: options.fit ?? { padding: 8 },
      locale: {
        ...stringsFor().map.controls,
        ...options.locale,
        ...(options.title ? { 'Map.Title': options.title } : {}),
      },
      attributionControl: { compact: true },
      doubleClickZoom: options.doubleClickZoom ?? true,
      cooperativeGestures: options.cooperativeGestures ?? false,
      transformRequest: options.transformRequest,
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
