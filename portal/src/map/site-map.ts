import maplibregl, { type Map as MaplibreMap } from 'maplibre-gl'
import { formatNumber } from '../check/check-format.ts'
import type { SiteGeometry } from '../check/check-types.ts'
import { stringsFor } from '../i18n/index.ts'
import { siteSource, siteStyle } from './site-style.ts'

/** The closest a site is shown: even a small site keeps some of its surroundings in view. */
const maxFitZoom = 15

/** Half the side of the box a point site is shown in, degrees. */
const pointMargin = 0.004

/** Metres per degree of longitude at the equator, on the WGS84 ellipsoid. */
const metresPerDegree = 111_320

declare global {
  interface Window {
    ecozoningMap?: MaplibreMap
  }
}

export interface SiteView {
  /** WGS84 longitude/latitude. */
  site: SiteGeometry
  /** [west, south, east, north] of the site, degrees. */
  bbox: [number, number, number, number]
  /** Layers of the zones the site lies in or near, drawn even where the map page hides them. */
  layers: string[]
}

/**
 * `<site-map>`: a still map of a checked site over the zoning layers, for the report. It stays
 * hidden and loads nothing until `show` is called. Once the tiles and the site are drawn it sets
 * `data-map-ready="true"` on the `[data-map]` container and copies the picture into the
 * `[data-map-snapshot]` image, which the print stylesheet shows in place of the live canvas: a
 * WebGL canvas may be redrawn, or cleared, when the page is laid out for paper.
 */
export class SiteMapElement extends HTMLElement {
  #shown = false

  show(view: SiteView): void {
    const container = this.querySelector<HTMLElement>('[data-map]')
    const status = this.querySelector<HTMLElement>('[data-map-status]')
    const snapshot = this.querySelector<HTMLImageElement>('[data-map-snapshot]')
    const extent = this.querySelector<HTMLElement>('[data-map-extent]')
    if (this.#shown || !container || !status || !snapshot || !extent) return
    this.#shown = true
    this.hidden = false

    const t = stringsFor()
    status.hidden = false
    const map = createMap(container, view)
    if (!map) {
      status.textContent = t.check.mapNoWebgl
      return
    }
    // End-to-end tests query rendered features through this handle; nothing else reads it.
    window.ecozoningMap = map

    map.on('idle', () => {
      if (container.dataset.mapReady === 'true') return
      if (!map.isStyleLoaded() || !map.isSourceLoaded('control_units')) return
      if (!map.isSourceLoaded(siteSource)) return

      snapshot.src = map.getCanvas().toDataURL('image/png')
      this.dataset.snapshot = 'true'
      extent.textContent = t.check.mapExtent(viewWidthKm(map, t.lang))
      status.hidden = true
      container.dataset.mapReady = 'true'
    })

    map.on('error', (event: { sourceId?: string }) => {
      const ours = event.sourceId === 'control_units' || event.sourceId === siteSource
      if (ours && container.dataset.mapReady !== 'true') status.textContent = t.check.mapFailed
    })
  }
}

function createMap(container: HTMLElement, view: SiteView): MaplibreMap | undefined {
  try {
    return new maplibregl.Map({
      container,
      style: siteStyle(window.location.origin, view.site, view.layers),
      bounds: framed(view.bbox),
      fitBoundsOptions: { padding: 32, maxZoom: maxFitZoom },
      interactive: false,
      attributionControl: false,
      locale: stringsFor().map.controls,
      // Sharp enough on paper; the buffer is kept so the picture can be copied for printing.
      pixelRatio: Math.max(window.devicePixelRatio, 2),
      canvasContextAttributes: { preserveDrawingBuffer: true },
    })
  } catch {
    return undefined
  }
}

/** The site's box, widened around a point so that the map has an extent to fit. */
export function framed(bbox: SiteView['bbox']): [number, number, number, number] {
  const [west, south, east, north] = bbox
  if (east - west > 1e-9 || north - south > 1e-9) return bbox
  return [west - pointMargin, south - pointMargin, east + pointMargin, north + pointMargin]
}

/** The width of the view along its middle parallel, km, to a sensible number of decimals. */
function viewWidthKm(map: MaplibreMap, lang: string): string {
  const bounds = map.getBounds()
  const latitude = (bounds.getNorth() + bounds.getSouth()) / 2
  const metres =
    (bounds.getEast() - bounds.getWest()) * metresPerDegree * Math.cos((latitude * Math.PI) / 180)
  const km = metres / 1000
  return formatNumber(km, km < 10 ? 1 : 0, lang)
}
