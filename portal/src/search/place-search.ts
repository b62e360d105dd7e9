import { unitClassText } from '../check/check-format.ts'
import { Combobox } from '../forms/combobox.ts'
import { localePath, stringsFor } from '../i18n/index.ts'
import { requestLookup } from '../lookup/lookup-events.ts'
import { requestFit } from '../map/fit-events.ts'
import { unitPagePath } from '../units/unit-client.ts'
import { searchPlaces, type PlaceHit } from './place-search-client.ts'

/**
 * `<place-search>`: the map page's search for units, industrial parks and districts, an ARIA
 * combobox over `GET /api/search`. Typing searches; Down and Up move through the list, Enter
 * chooses, Escape closes the list (or, when closed, clears the field); a click chooses too, and
 * the form's button searches at once. A unit chosen is looked up at a point inside it, so the
 * lookup panel opens it and the map moves to it, and a link to its page is offered; a park or
 * district is fitted into the map. Without script the form sends the search to the API.
 */
export class PlaceSearchElement extends HTMLElement {
  #status!: HTMLElement
  #chosenLine!: HTMLElement

  connectedCallback(): void {
    const form = this.querySelector('form')
    const input = this.querySelector<HTMLInputElement>('[data-place-input]')
    const list = this.querySelector<HTMLElement>('[data-place-list]')
    const status = this.querySelector<HTMLElement>('[data-place-status]')
    const chosen = this.querySelector<HTMLElement>('[data-place-chosen]')
    if (!form || !input || !list || !status || !chosen) return
    ;[this.#status, this.#chosenLine] = [status, chosen]

    const combobox = new Combobox<PlaceHit>({
      host: this,
      input,
      list,
      status,
      texts: stringsFor().units.search,
      search: async (text, signal) => {
        const matches = await searchPlaces(text, signal)
        return matches && { items: matches.hits, more: matches.more }
      },
      fillOption: placeOption,
      choose: (hit) => {
        input.value = hit.name
        if (hit.kind === 'unit' && hit.code) this.#showUnit(hit, hit.code)
        else this.#fitMap(hit)
      },
    })

    form.addEventListener('submit', (event) => {
      event.preventDefault()
      // The list opens only under a focused text box, and the button took the focus.
      input.focus()
      combobox.searchNow()
    })
  }

  /** The lookup at a point inside the unit opens it in the panel and moves the map to it. */
  #showUnit(hit: PlaceHit, code: string): void {
    const t = stringsFor().units
    const [lon, lat] = hit.point
    const text = t.search.shownUnit(hit.name, code)
    const link = document.createElement('a')
    link.href = localePath(unitPagePath(code))
    link.textContent = t.search.unitPage
    this.#chosenLine.replaceChildren(text, ' ', link)
    this.#status.textContent = text
    requestLookup({ lon, lat, crs: 'EPSG:4326', origin: 'form' })
  }

  #fitMap(hit: PlaceHit): void {
    const t = stringsFor().units.search
    // A park or district is shown whole, not centred on a point as a unit is.
    const text = requestFit(hit.bbox) ? t.shownPlace(hit.name) : t.noMap(hit.name)
    this.#chosenLine.textContent = text
    this.#status.textContent = text
  }
}

/** An option names the kind of place and the place; a unit's adds its code, class and district. */
function placeOption(option: HTMLElement, hit: PlaceHit): void {
  const strings = stringsFor()
  option.dataset.kind = hit.kind
  if (hit.code) option.dataset.code = hit.code

  const kind = document.createElement('span')
  kind.className = 'kind'
  kind.textContent = strings.units.search.kinds[hit.kind]
  const name = document.createElement('span')
  name.className = 'name'
  name.textContent = hit.name
  option.append(kind, ' ', name)

  if (hit.kind === 'unit') {
    const detail = document.createElement('span')
    detail.className = 'detail'
    const unitClass = hit.class ? unitClassText(hit.class, strings) : ''
    detail.textContent = [hit.code, unitClass, hit.district_name].filter(Boolean).join(' · ')
    option.append(' ', detail)
  }
}
