import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl'
import { stringsFor } from '../i18n/index.ts'
import { createInteractiveMap } from '../map/interactive-map.ts'
import { initiallyVisible } from '../map/zoning-palette.ts'
import { queryPointSource, zoningStyle } from '../map/zoning-style.ts'

/** How close the map comes to a place put on it by text or by the browser's position. */
const PLACE_ZOOM = 14

declare global {
  interface Window {
    ecozoningMap?: MaplibreMap
  }
  interface HTMLElementEventMap {
    'place-pick': CustomEvent<[number, number]>
  }
}

/**
 * `<report-map data-bounds="[w,s,e,n]">`: the zoning layers, on which a click or tap picks the
 * place of a report. Sends a bubbling `place-pick` event with the WGS84 [lon, lat] clicked, and
 * marks the place the form holds through `showPlace`. Sets `data-map-ready="true"` on the
 * `[data-map]` container once the style and the control units are loaded.
 */
export class ReportMapElement extends HTMLElement {
  #map: MaplibreMap | undefined

  connectedCallback(): void {
    const container = this.querySelector<HTMLElement>('[data-map]')
    const status = this.querySelector<HTMLElement>('[data-map-status]')
    if (!container || !status || this.#map) return

    status.hidden = false
    const map = createMap(container, readBounds(this.dataset.bounds))
    if (!map) {
      status.textContent = stringsFor().map.noWebgl
      return
    }
    this.#map = map
    // End-to-end tests project positions through this handle; nothing in the portal reads it.
    window.ecozoningMap = map

    map.on('idle', () => {
      if (container.dataset.mapReady === 'true') return
      if (!map.isStyleLoaded() || !map.isSourceLoaded('control_units')) return
      container.dataset.mapReady = 'true'
      status.hidden = true
    })
    map.on('error', (event: { sourceId?: string }) => {
      if (event.sourceId === 'control_units' && container.dataset.mapReady !== 'true') {
        status.textContent = stringsFor().map.failed
      }
    })
    map.on('click', (event) => {
      const { lng, lat } = event.lngLat
      this.dispatchEvent(new CustomEvent('place-pick', { detail: [lng, lat], bubbles: true }))
    })
  }

  /**
   * Marks a WGS84 [lon, lat] on the map, or clears the mark; `bring` moves the map to it when
   * it came from elsewhere than a click. A latitude past a pole clears the mark: the map throws
   * on it, and the form's answer names the problem.
   */
  showPlace(typed: [number, number] | undefined, bring = false): void {
    const map = this.#map
    if (!map) return
    const place = typed && Math.abs(typed[1]) <= 90 ? typed : undefined
    const features = place
      ? [
          {
            type: 'Feature' as const,
            properties: {},
            geometry: { type: 'Point' as const, coordinates: place },
          },
        ]
      : []
    map.getSource<GeoJSONSource>(queryPointSource)?.setData({ type: 'FeatureCollection', features })
    if (place && bring) {
      map.jumpTo({ center: place, zoom: Math.max(map.getZoom(), PLACE_ZOOM) })
    }
  }
}

function createMap(
  container: HTMLElement,
  bounds: [number, number, number, number],
): MaplibreMap | undefined {
  return createInteractiveMap(container, {
    style: zoningStyle(window.location.origin, initiallyVisible),
    bounds,
    title: stringsFor().reportForm.mapLabel,
  })
}

function readBounds(value: string | undefined): [number, number, number, number] {
  const parsed: unknown = JSON.parse(value ?? 'null')
  if (Array.isArray(parsed) && parsed.length === 4 && parsed.every(Number.isFinite)) {
    return parsed as [number, number, number, number]
  }
  throw new TypeError(`data-bounds must be [west, south, east, north], got ${value}`)
}
