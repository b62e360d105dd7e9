import type { Map as MaplibreMap } from 'maplibre-gl'
import { stringsFor } from '../i18n/index.ts'
import { createInteractiveMap } from '../map/interactive-map.ts'
import { unitStyle } from './unit-style.ts'
import type { UnitAnswer } from './unit-types.ts'

/** The closest the map opens on: a small unit keeps some of its neighbours in view. */
const maxFitZoom = 14

declare global {
  interface Window {
    ecozoningMap?: MaplibreMap
  }
}

/**
 * `<unit-map>`: a map of one unit over the zoning tiles, and nothing from outside the server.
 * It loads nothing until `show` is called. Panning takes two fingers on a touch screen and
 * zooming a key with the wheel, so that scrolling the page over the map does not move it.
 * Sets `data-map-ready="true"` on the `[data-map]` container once the style and the units are
 * drawn.
 */
export class UnitMapElement extends HTMLElement {
  #shown = false

  show(unit: UnitAnswer): void {
    const container = this.querySelector<HTMLElement>('[data-map]')
    const status = this.querySelector<HTMLElement>('[data-map-status]')
    if (this.#shown || !container || !status) return
    this.#shown = true

    const t = stringsFor()
    container.setAttribute('aria-label', t.units.mapLabel(unit.name))
    status.hidden = false
    const map = createMap(container, unit)
    if (!map) {
      status.textContent = t.units.mapNoWebgl
      return
    }
    // End-to-end tests query rendered features through this handle; nothing on this page reads it.
    window.ecozoningMap = map

    map.on('idle', () => {
      if (container.dataset.mapReady === 'true') return
      if (!map.isStyleLoaded() || !map.isSourceLoaded('control_units')) return

      status.hidden = true
      container.dataset.mapReady = 'true'
    })

    map.on('error', (event: { sourceId?: string }) => {
      if (event.sourceId === 'control_units' && container.dataset.mapReady !== 'true') {
        status.textContent = t.units.mapFailed
      }
    })
  }
}

function createMap(container: HTMLElement, unit: UnitAnswer): MaplibreMap | undefined {
  const t = stringsFor().units
  return createInteractiveMap(container, {
    style: unitStyle(
      window.location.origin,
      unit.code,
      unit.zones.map((zone) => zone.layer),
    ),
    bounds: unit.bbox,
    fit: { padding: 24, maxZoom: maxFitZoom },
    title: t.mapLabel(unit.name),
    locale: t.mapGestures,
    cooperativeGestures: true,
  })
}
