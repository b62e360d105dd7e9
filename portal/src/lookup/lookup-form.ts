import { locateDevice } from '../map/device-location.ts'
import { isTerm, LOOKUP_CRS } from '../zoning/zoning-terms.ts'
import { parsePair } from './coordinate-pair.ts'
import { onLookupAnswer, requestLookup } from './lookup-events.ts'

/**
 * `<lookup-form>` around the coordinate form: sends the lookup to the panel instead of
 * leaving the page, splits a pasted "lon, lat" pair over both fields, looks up where the
 * device is, and shows where the last map click landed.
 */
export class LookupFormElement extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form')
    const lon = this.querySelector<HTMLInputElement>('[data-lon]')
    const lat = this.querySelector<HTMLInputElement>('[data-lat]')
    const crs = this.querySelector<HTMLSelectElement>('[data-crs]')
    if (!form || !lon || !lat || !crs) return

    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const system = isTerm(LOOKUP_CRS, crs.value) ? crs.value : 'EPSG:4326'
      requestLookup({ lon: Number(lon.value), lat: Number(lat.value), crs: system, origin: 'form' })
    })

    lon.addEventListener('paste', (event) => {
      const pair = parsePair(event.clipboardData?.getData('text') ?? '')
      if (!pair) return

      event.preventDefault()
      lon.value = pair[0]
      lat.value = pair[1]
    })

    this.#offerLocation((lonLat) => {
      lon.value = lonLat[0].toFixed(6)
      lat.value = lonLat[1].toFixed(6)
      crs.value = 'EPSG:4326'
      requestLookup({ lon: lonLat[0], lat: lonLat[1], crs: 'EPSG:4326', origin: 'form' })
    })

    onLookupAnswer((answer) => {
      if (answer.origin === 'form' || !answer.location) return

      lon.value = answer.location.lon.toFixed(6)
      lat.value = answer.location.lat.toFixed(6)
      crs.value = 'EPSG:4326'
    })
  }

  /**
   * The location button shows only where the browser can locate at all: it has the API and the
   * page is a secure context (HTTPS, or this machine), without which the API always fails.
   */
  #offerLocation(found: (lonLat: [number, number]) => void): void {
    const button = this.querySelector<HTMLButtonElement>('[data-locate]')
    const note = this.querySelector<HTMLElement>('[data-locate-note]')
    const status = this.querySelector<HTMLElement>('[data-locate-status]')
    if (!button || !status || !window.isSecureContext || !('geolocation' in navigator)) return

    button.hidden = false
    if (note) note.hidden = false
    button.addEventListener('click', () => {
      locateDevice((text) => (status.textContent = text), found)
    })
  }
}
