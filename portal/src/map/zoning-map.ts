import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl'
import { stringsFor } from '../i18n/index.ts'
import { onLookupAnswer, requestLookup } from '../lookup/lookup-events.ts'
import { isTerm, LAYER_NAMES, type LayerName } from '../zoning/zoning-terms.ts'
import { labelDistricts } from './district-labels.ts'
import { onFitRequest } from './fit-events.ts'
import { createInteractiveMap } from './interactive-map.ts'
import { initiallyVisible } from './zoning-palette.ts'
import { queryPointSource, selectedUnitLayer, zoningStyle } from './zoning-style.ts'

/** Close enough to see a typed point's unit among its neighbours. */
const typedPointZoom = 10

/** The closest a searched park or district is shown: a small park still shows its streets. */
const maxFitZoom = 14

declare global {
  interface Window {
    ecozoningMap?: MaplibreMap
  }
}

/**
 * `<zoning-map data-bounds="[w,s,e,n]">`: the zoning layers over a plain background. A click
 * or the centre button asks for a lookup; the answer's point and unit are drawn back. Sets
 * `data-map-ready="true"` on the `[data-map]` container once the style and the control units
 * are loaded.
 */
export class ZoningMapElement extends HTMLElement {
  connectedCallback(): void {
    const container = this.querySelector<HTMLElement>('[data-map]')
    const status = this.querySelector<HTMLElement>('[data-map-status]')
    const centreButton = this.querySelector<HTMLButtonElement>('[data-query-centre]')
    if (!container || !status || !centreButton) return

    status.hidden = false
    const map = createMap(container, readBounds(this.dataset.bounds))
    if (!map) {
      status.textContent = stringsFor().map.noWebgl
      return
    }

    // End-to-end tests count rendered features with queryRenderedFeatures through this handle;
    // nothing in the portal reads it.
    window.ecozoningMap = map

    this.#revealControls()
    watchReadiness(map, container, status, centreButton)
    bindQueries(map, centreButton)
    bindLayerToggles(map)
    followAnswers(map)
    void labelDistricts(
      map,
      layerToggles().find((toggle) => toggle.dataset.layerToggle === 'districts'),
    )
    onFitRequest((bounds) => map.fitBounds(bounds, { padding: 24, maxZoom: maxFitZoom }))
  }

  /** Shows what the markup hides until a script can make it work. */
  #revealControls(): void {
    for (const hidden of this.querySelectorAll<HTMLElement>(
      '[data-crosshair], [data-query-centre]',
    )) {
      hidden.hidden = false
    }
    for (const toggles of document.querySelectorAll<HTMLElement>('[data-layer-toggles]')) {
      toggles.hidden = false
    }
  }
}

function watchReadiness(
  map: MaplibreMap,
  container: HTMLElement,
  status: HTMLElement,
  centreButton: HTMLButtonElement,
): void {
  map.on('idle', () => {
    if (container.dataset.mapReady === 'true') return
    if (!map.isStyleLoaded() || !map.isSourceLoaded('control_units')) return

    container.dataset.mapReady = 'true'
    status.hidden = true
    centreButton.disabled = false
  })

  map.on('error', (event: { sourceId?: string }) => {
    if (event.sourceId === 'control_units' && container.dataset.mapReady !== 'true') {
      status.textContent = stringsFor().map.failed
    }
  })
}

function bindQueries(map: MaplibreMap, centreButton: HTMLButtonElement): void {
  map.on('click', (event) => {
    const { lng, lat } = event.lngLat
    requestLookup({ lon: lng, lat, crs: 'EPSG:4326', origin: 'map' })
  })

  centreButton.addEventListener('click', () => {
    const { lng, lat } = map.getCenter()
    requestLookup({ lon: lng, lat, crs: 'EPSG:4326', origin: 'centre' })
  })
}

/** Marks the queried point and outlines its unit; a typed point is also brought into view. */
function followAnswers(map: MaplibreMap): void {
  onLookupAnswer((answer) => {
    showQueryPoint(map, answer.location)
    map.setFilter(selectedUnitLayer, ['==', ['get', 'code'], answer.unitCode ?? ''])

    if (answer.origin === 'form' && answer.location) {
      const zoom = Math.max(map.getZoom(), typedPointZoom)
      map.easeTo({ center: [answer.location.lon, answer.location.lat], zoom })
    }
  })
}

/** The map with its controls, or undefined when the browser cannot draw WebGL. */
function createMap(
  container: HTMLElement,
  bounds: [number, number, number, number],
): MaplibreMap | undefined {
  return createInteractiveMap(container, {
    style: zoningStyle(window.location.origin, layerVisibility()),
    bounds,
  })
}

function readBounds(value: string | undefined): [number, number, number, number] {
  const parsed: unknown = JSON.parse(value ?? 'null')
  if (Array.isArray(parsed) && parsed.length === 4 && parsed.every(Number.isFinite)) {
    return parsed as [number, number, number, number]
  }
  throw new TypeError(`data-bounds must be [west, south, east, north], got ${value}`)
}

/** The check boxes' state, which the browser may have restored from an earlier visit. */
function layerVisibility(): Record<LayerName, boolean> {
  const visible = { ...initiallyVisible }
  for (const toggle of layerToggles()) {
    const layer = toggle.dataset.layerToggle
    if (isTerm(LAYER_NAMES, layer)) visible[layer] = toggle.checked
  }
  return visible
}

function bindLayerToggles(map: MaplibreMap): void {
  for (const toggle of layerToggles()) {
    toggle.addEventListener('change', () => {
      const source = toggle.dataset.layerToggle
      const visibility = toggle.checked ? 'visible' : 'none'
      for (const layer of map.getStyle().layers) {
        if ('source' in layer && layer.source === source) {
          map.setLayoutProperty(layer.id, 'visibility', visibility)
        }
      }
    })
  }
}

function layerToggles(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>('input[data-layer-toggle]')]
}

function showQueryPoint(map: MaplibreMap, location: { lon: number; lat: number } | undefined) {
  const source = map.getSource<GeoJSONSource>(queryPointSource)
  source?.setData({
    type: 'FeatureCollection',
    features: location
      ? [
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
          },
        ]
      : [],
  })
}
