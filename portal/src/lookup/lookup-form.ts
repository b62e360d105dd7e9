import { isTerm, LOOKUP_CRS } from '../zoning/zoning-terms.ts'
import { parsePair } from './coordinate-pair.ts'
import { onLookupAnswer, requestLookup } from './lookup-events.ts'

/**
 * `<lookup-form>` around the coordinate form: sends the lookup to the panel instead of
 * leaving the page, splits a pasted "lon, lat" pair over both fields, and shows where the
 * last map click landed.
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

    onLookupAnswer((answer) => {
      if (answer.origin === 'form' || !answer.location) return

      lon.value = answer.location.lon.toFixed(6)
      lat.value = answer.location.lat.toFixed(6)
      crs.value = 'EPSG:4326'
    })
  }
}
