import maplibregl, {
  type GeoJSONSource,
  type Map as MaplibreMap,
  type PointLike,
} from 'maplibre-gl'
import type { CheckAnswer } from '../check/check-types.ts'
import { stringsFor } from '../i18n/index.ts'
import { createInteractiveMap } from '../map/interactive-map.ts'
import { framed } from '../map/site-map.ts'
import { siteSource } from '../map/site-style.ts'
import { isTerm, LAYER_NAMES } from '../zoning/zoning-terms.ts'
import {
  drawingSource,
  precheckStyle,
  touchedUnitsFilter,
  touchedUnitsLayerIds,
} from './precheck-style.ts'
import type { DrawKind } from './precheck-terms.ts'
import { SiteDrawing, type DrawingState, type LonLatPair } from './site-drawing.ts'

/** How near a vertex a click must land to count as on it, CSS pixels. */
const VERTEX_HIT_PX = 12

/** The closest a checked site is shown: a small site keeps some of its surroundings in view. */
const maxFitZoom = 15

declare global {
  interface Window {
    ecozoningMap?: MaplibreMap
  }
  interface HTMLElementEventMap {
    'drawing-change': CustomEvent<DrawingState>
  }
}

/**
 * `<precheck-map data-bounds="[w,s,e,n]">`: the zoning layers, on which a site is drawn by
 * clicks (or by the centre button, from the keyboard) and a checked site is shown with the
 * units it touches. Sends a bubbling `drawing-change` event, with the drawing's state, after
 * every change to the drawing. Sets `data-map-ready="true"` on the `[data-map]` container once
 * the style and the control units are loaded.
 */
export class PrecheckMapElement extends HTMLElement {
  readonly drawing = new SiteDrawing()
  #map: MaplibreMap | undefined
  #drawingEnabled = true

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
    // End-to-end tests project positions and query rendered features through this handle;
    // nothing in the portal reads it.
    window.ecozoningMap = map

    watchReadiness(map, container, status)
    map.on('click', (event) => this.#clicked(event.point))
    this.setDrawingEnabled(this.#drawingEnabled)
  }

  /** Whether clicks draw; they do nothing while the site comes from a file or text. */
  setDrawingEnabled(enabled: boolean): void {
    this.#drawingEnabled = enabled
    this.dataset.drawing = String(enabled)
    for (const crosshair of this.querySelectorAll<HTMLElement>('[data-crosshair]')) {
      crosshair.hidden = !enabled || !this.#map
    }
  }

  setKind(kind: DrawKind): void {
    this.drawing.setKind(kind)
    this.#changed()
  }

  finish(): void {
    if (this.drawing.finish()) this.#changed()
  }

  undo(): void {
    if (this.drawing.undo()) this.#changed()
  }

  clear(): void {
    this.drawing.clear()
    this.#changed()
  }

  /** Adds the map's centre as a vertex, or closes the drawing when the centre is on its end. */
  addCentre(): void {
    const map = this.#map
    if (!map) return
    this.#clicked(map.project(map.getCenter()))
  }

  /** Draws a checked site and outlines the units it touches, and brings it into view. */
  showAnswer(answer: CheckAnswer): void {
    const map = this.#map
    if (!map) return

    map.getSource<GeoJSONSource>(siteSource)?.setData({
      type: 'Feature',
      properties: {},
      geometry: answer.site.geometry,
    })
    const codes = answer.units.map((unit) => unit.code)
    for (const id of touchedUnitsLayerIds) map.setFilter(id, touchedUnitsFilter(codes))
    // Zones the site lies in or near are shown even where the map hides their layer at first.
    for (const zone of [...answer.zones, ...answer.nearby.zones]) {
      if (isTerm(LAYER_NAMES, zone.layer)) showLayer(map, zone.layer)
    }
    map.fitBounds(framed(answer.site.bbox), { padding: 40, maxZoom: maxFitZoom, duration: 0 })
  }

  /** Takes a checked site off the map. */
  clearAnswer(): void {
    const map = this.#map
    if (!map) return

    map.getSource<GeoJSONSource>(siteSource)?.setData({ type: 'FeatureCollection', features: [] })
    for (const id of touchedUnitsLayerIds) map.setFilter(id, touchedUnitsFilter([]))
  }

  #clicked(point: PointLike): void {
    const map = this.#map
    if (!map || !this.#drawingEnabled) return

    const vertices = this.drawing.vertices
    const on = (vertex: LonLatPair | undefined) =>
      vertex !== undefined &&
      map.project(vertex).dist(maplibregl.Point.convert(point)) <= VERTEX_HIT_PX
    const action = this.drawing.clickAction(on(vertices[0]), on(vertices.at(-1)))

    if (action === 'finish') this.drawing.finish()
    else if (action === 'add') {
      const { lng, lat } = map.unproject(point)
      this.drawing.add([lng, lat])
    }
    if (action !== 'ignore') this.#changed()
  }

  #changed(): void {
    this.#map?.getSource<GeoJSONSource>(drawingSource)?.setData(this.drawing.features())
    this.dispatchEvent(
      new CustomEvent('drawing-change', { detail: this.drawing.state, bubbles: true }),
    )
  }
}

function createMap(
  container: HTMLElement,
  bounds: [number, number, number, number],
): MaplibreMap | undefined {
  return createInteractiveMap(container, {
    style: precheckStyle(window.location.origin),
    bounds,
    title: stringsFor().precheck.mapLabel,
    // A click adds a vertex, so a double click must not zoom as well.
    doubleClickZoom: false,
  })
}

function watchReadiness(map: MaplibreMap, container: HTMLElement, status: HTMLElement): void {
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
}

function showLayer(map: MaplibreMap, source: string): void {
  for (const layer of map.getStyle().layers) {
    if ('source' in layer && layer.source === source) {
      map.setLayoutProperty(layer.id, 'visibility', 'visible')
    }
  }
}

function readBounds(value: string | undefined): [number, number, number, number] {
  const parsed: unknown = JSON.parse(value ?? 'null')
  if (Array.isArray(parsed) && parsed.length === 4 && parsed.every(Number.isFinite)) {
    return parsed as [number, number, number, number]
  }
  throw new TypeError(`data-bounds must be [west, south, east, north], got ${value}`)
}
