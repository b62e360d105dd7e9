import type { Map as MaplibreMap, RequestParameters, VectorTileSource } from 'maplibre-gl'
import { stringsFor } from '../i18n/index.ts'
import { createInteractiveMap } from '../map/interactive-map.ts'
import {
  openReportLayer,
  reportsLayer,
  reportsSource,
  reportsTileJsonUrl,
  staffStyle,
  withStaffToken,
} from './staff-style.ts'

/** How close the map comes to a report that is opened. */
const REPORT_ZOOM = 13

declare global {
  interface Window {
    ecozoningMap?: MaplibreMap
  }
  interface HTMLElementEventMap {
    'report-open': CustomEvent<string>
  }
}

/**
 * `<staff-map data-bounds="[w,s,e,n]">`: the public zoning layers with the staff reports layer
 * over them. It starts only once `show` gives it a token, which maplibre then sends with each
 * request for the staff layer (`transformRequest`), never in a URL. A click on a report sends a
 * bubbling `report-open` event with its tracking code. Sets `data-map-ready="true"` on the
 * `[data-map]` container once the style, the control units and the reports are loaded.
 */
export class StaffMapElement extends HTMLElement {
  #map: MaplibreMap | undefined
  #token: string | undefined
  #query = ''

  /** Starts the map, or points it at a new token and list query. */
  show(token: string, query: string): void {
    this.#token = token
    this.#query = query
    this.hidden = false
    if (this.#map) {
      this.refresh()
      return
    }
    const container = this.querySelector<HTMLElement>('[data-map]')
    const status = this.querySelector<HTMLElement>('[data-map-status]')
    if (!container || !status) return
    status.hidden = false
    status.textContent = stringsFor().map.loading
    const map = createMap(container, readBounds(this.dataset.bounds), query, (url) =>
      withStaffToken(url, window.location.origin, this.#token),
    )
    if (!map) {
      status.textContent = stringsFor().map.noWebgl
      return
    }
    this.#map = map
    // End-to-end tests query rendered features through this handle; nothing else reads it.
    window.ecozoningMap = map

    map.on('idle', () => {
      if (container.dataset.mapReady === 'true') return
      if (!map.isStyleLoaded() || !map.isSourceLoaded('control_units')) return
      if (!map.isSourceLoaded(reportsSource)) return
      container.dataset.mapReady = 'true'
      status.hidden = true
    })
    map.on('error', (event: { sourceId?: string }) => {
      if (event.sourceId === reportsSource && container.dataset.mapReady !== 'true') {
        status.textContent = stringsFor().map.failed
      }
    })
    map.on('click', reportsLayer, (event) => {
      const code = event.features?.[0]?.properties?.tracking_code
      if (typeof code === 'string') {
        this.dispatchEvent(new CustomEvent('report-open', { detail: code, bubbles: true }))
      }
    })
    map.on('mouseenter', reportsLayer, () => (map.getCanvas().style.cursor = 'pointer'))
    map.on('mouseleave', reportsLayer, () => (map.getCanvas().style.cursor = ''))
  }

  /** Reads the reports again, as after a status change or with a new list query. */
  refresh(query = this.#query): void {
    this.#query = query
    const container = this.querySelector<HTMLElement>('[data-map]')
    if (container) delete container.dataset.mapReady
    const source = this.#map?.getSource<VectorTileSource>(reportsSource)
    source?.setUrl(reportsTileJsonUrl(window.location.origin, query))
  }

  /** Rings the open report and brings it into view; undefined clears the ring. */
  mark(code: string | undefined, place?: { lon: number; lat: number }): void {
    const map = this.#map
    if (!map) return
    map.setFilter(openReportLayer, ['==', ['get', 'tracking_code'], code ?? ''])
    if (code && place) {
      map.easeTo({ center: [place.lon, place.lat], zoom: Math.max(map.getZoom(), REPORT_ZOOM) })
    }
  }

  /** Forgets the token and removes the map, as at sign-out. */
  stop(): void {
    this.#token = undefined
    this.#map?.remove()
    this.#map = undefined
    if (window.ecozoningMap) delete window.ecozoningMap
    const container = this.querySelector<HTMLElement>('[data-map]')
    if (container) delete container.dataset.mapReady
    this.hidden = true
  }
}

function createMap(
  container: HTMLElement,
  bounds: [number, number, number, number],
  query: string,
  transformRequest: (url: string) => RequestParameters,
): MaplibreMap | undefined {
  return createInteractiveMap(container, {
    style: staffStyle(window.location.origin, query),
    bounds,
    title: stringsFor().staff.mapLabel,
    transformRequest,
  })
}

function readBounds(value: string | undefined): [number, number, number, number] {
  const parsed: unknown = JSON.parse(value ?? 'null')
  if (Array.isArray(parsed) && parsed.length === 4 && parsed.every(Number.isFinite)) {
    return parsed as [number, number, number, number]
  }
  throw new TypeError(`data-bounds must be [west, south, east, north], got ${value}`)
}
