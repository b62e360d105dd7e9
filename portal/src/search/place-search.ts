import { unitClassText } from '../check/check-format.ts'
import { stringsFor } from '../i18n/index.ts'
import { requestLookup } from '../lookup/lookup-events.ts'
import { requestFit } from '../map/fit-events.ts'
import { movedOption } from '../precheck/industry-search.ts'
import { unitPagePath } from '../units/unit-client.ts'
import { searchPlaces, type PlaceHit, type PlaceMatches } from './place-search-client.ts'

/** Wait this long after the last keystroke before searching, ms. */
const SEARCH_DELAY_MS = 200

/**
 * `<place-search>`: the map page's search for units, industrial parks and districts, an ARIA
 * combobox over `GET /api/search`. Typing searches; Down and Up move through the list, Enter
 * chooses, Escape closes the list (or, when closed, clears the field); a click chooses too, and
 * the form's button searches at once. A unit chosen is looked up at a point inside it, so the
 * lookup panel opens it and the map moves to it, and a link to its page is offered; a park or
 * district is fitted into the map. Without script the form sends the search to the API.
 */
export class PlaceSearchElement extends HTMLElement {
  #input!: HTMLInputElement
  #list!: HTMLElement
  #status!: HTMLElement
  #chosenLine!: HTMLElement
  #matches: PlaceHit[] = []
  #active: number | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #search: AbortController | undefined

  connectedCallback(): void {
    const form = this.querySelector('form')
    const input = this.querySelector<HTMLInputElement>('[data-place-input]')
    const list = this.querySelector<HTMLElement>('[data-place-list]')
    const status = this.querySelector<HTMLElement>('[data-place-status]')
    const chosen = this.querySelector<HTMLElement>('[data-place-chosen]')
    if (!form || !input || !list || !status || !chosen) return
    ;[this.#input, this.#list, this.#status, this.#chosenLine] = [input, list, status, chosen]

    input.setAttribute('role', 'combobox')
    input.setAttribute('aria-autocomplete', 'list')
    input.setAttribute('aria-expanded', 'false')
    input.setAttribute('aria-controls', list.id)

    form.addEventListener('submit', (event) => {
      event.preventDefault()
      clearTimeout(this.#timer)
      // The list opens only under a focused text box, and the button took the focus.
      input.focus()
      void this.#find(input.value)
    })
    input.addEventListener('input', () => this.#typed())
    input.addEventListener('keydown', (event) => this.#key(event))
    input.addEventListener('blur', () => this.#close())
    // Keep the focus in the text box while an option is clicked.
    list.addEventListener('mousedown', (event) => event.preventDefault())
    list.addEventListener('click', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]')
      const index = Number(option?.dataset.index)
      if (option && Number.isInteger(index)) this.#choose(index)
    })
  }

  #typed(): void {
    clearTimeout(this.#timer)
    this.#search?.abort()

    const text = this.#input.value
    if (text.trim() === '') {
      this.#show({ hits: [], more: false }, text)
      return
    }
    this.#timer = setTimeout(() => void this.#find(text), SEARCH_DELAY_MS)
  }

  async #find(text: string): Promise<void> {
    const t = stringsFor().units.search
    this.#search?.abort()
    const search = new AbortController()
    this.#search = search
    this.#status.textContent = t.searching
    this.setAttribute('aria-busy', 'true')

    let matches: PlaceMatches | undefined
    try {
      matches = await searchPlaces(text, search.signal)
    } catch {
      return
    }
    if (this.#search !== search) return

    this.removeAttribute('aria-busy')
    if (!matches) {
      this.#close()
      this.#status.textContent = t.failed
      return
    }
    this.#show(matches, text)
  }

  #show(matches: PlaceMatches, text: string): void {
    const t = stringsFor().units.search
    this.#matches = matches.hits
    this.#active = undefined
    this.#list.replaceChildren(...this.#matches.map((hit, index) => this.#option(hit, index)))

    if (text.trim() === '') this.#status.textContent = ''
    else if (this.#matches.length === 0) this.#status.textContent = t.none(text.trim())
    else this.#status.textContent = t.found(String(this.#matches.length), matches.more)

    if (this.#matches.length > 0 && document.activeElement === this.#input) this.#open()
    else this.#close()
  }

  #option(hit: PlaceHit, index: number): HTMLElement {
    const strings = stringsFor()
    const option = document.createElement('li')
    option.id = `${this.#list.id}-${index}`
    option.setAttribute('role', 'option')
    option.setAttribute('aria-selected', 'false')
    option.dataset.index = String(index)
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
    return option
  }

  #key(event: KeyboardEvent): void {
    const open = !this.#list.hidden
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.#matches.length === 0) return
      event.preventDefault()
      if (!open) this.#open()
      // Alt+Down opens the list without moving through it.
      if (!event.altKey) this.#highlight(movedOption(this.#active, this.#matches.length, event.key))
      return
    }

    if (event.key === 'Enter' && open && this.#active !== undefined) {
      // Choosing from the list must not also send the form.
      event.preventDefault()
      this.#choose(this.#active)
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault()
        this.#close()
      } else if (this.#input.value !== '') {
        event.preventDefault()
        this.#input.value = ''
        this.#typed()
      }
    }
  }

  #highlight(index: number | undefined): void {
    this.#active = index
    for (const option of this.#list.querySelectorAll<HTMLElement>('[role="option"]')) {
      const active = Number(option.dataset.index) === index
      option.setAttribute('aria-selected', String(active))
      if (active) option.scrollIntoView({ block: 'nearest' })
    }
    if (index === undefined) this.#input.removeAttribute('aria-activedescendant')
    else this.#input.setAttribute('aria-activedescendant', `${this.#list.id}-${index}`)
  }

  #choose(index: number): void {
    const hit = this.#matches[index]
    if (!hit) return

    this.#input.value = hit.name
    this.#close()
    if (hit.kind === 'unit' && hit.code) this.#showUnit(hit, hit.code)
    else this.#fitMap(hit)
  }

  /** The lookup at a point inside the unit opens it in the panel and moves the map to it. */
  #showUnit(hit: PlaceHit, code: string): void {
    const t = stringsFor().units
    const [lon, lat] = hit.point
    const text = t.search.shownUnit(hit.name, code)
    const link = document.createElement('a')
    link.href = unitPagePath(code)
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

  #open(): void {
    this.#list.hidden = false
    this.#input.setAttribute('aria-expanded', 'true')
  }

  #close(): void {
    this.#list.hidden = true
    this.#input.setAttribute('aria-expanded', 'false')
    this.#highlight(undefined)
  }
}
