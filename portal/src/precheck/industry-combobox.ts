import { stringsFor } from '../i18n/index.ts'
import {
  asIndustryCode,
  movedOption,
  searchIndustries,
  type Industry,
  type IndustryMatches,
} from './industry-search.ts'

/** Wait this long after the last keystroke before searching, ms. */
const SEARCH_DELAY_MS = 200

/**
 * `<industry-combobox>`: the industry field as an ARIA combobox with a list of matches from
 * `GET /api/industries`. Typing searches by name or code; Down and Up move through the list,
 * Enter chooses, Escape closes the list (or, when closed, clears the field); a click chooses
 * too. Without script the field is a plain text box for a code.
 */
export class IndustryComboboxElement extends HTMLElement {
  #input!: HTMLInputElement
  #list!: HTMLElement
  #status!: HTMLElement
  #chosenLine!: HTMLElement
  #matches: Industry[] = []
  #active: number | undefined
  #chosen: Industry | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #search: AbortController | undefined

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('[data-industry-input]')
    const list = this.querySelector<HTMLElement>('[data-industry-list]')
    const status = this.querySelector<HTMLElement>('[data-industry-status]')
    const chosen = this.querySelector<HTMLElement>('[data-industry-chosen]')
    if (!input || !list || !status || !chosen) return
    ;[this.#input, this.#list, this.#status, this.#chosenLine] = [input, list, status, chosen]

    input.setAttribute('role', 'combobox')
    input.setAttribute('aria-autocomplete', 'list')
    input.setAttribute('aria-expanded', 'false')
    input.setAttribute('aria-controls', list.id)

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

  /**
   * The industry code to send: the chosen one, else the text when it is a code, else the text as
   * typed (the API says what is wrong with it); empty when the field is.
   */
  get value(): string {
    if (this.#chosen) return this.#chosen.code
    const text = this.#input.value.trim()
    return asIndustryCode(text) ?? text
  }

  /** The text box, which messages about the industry are tied to. */
  get input(): HTMLInputElement {
    return this.#input
  }

  #typed(): void {
    this.#chosen = undefined
    this.#chosenLine.textContent = ''
    clearTimeout(this.#timer)
    this.#search?.abort()

    const text = this.#input.value
    if (text.trim() === '') {
      this.#show({ industries: [], more: false }, text)
      return
    }
    this.#timer = setTimeout(() => void this.#find(text), SEARCH_DELAY_MS)
  }

  async #find(text: string): Promise<void> {
    const t = stringsFor().precheck
    const search = new AbortController()
    this.#search = search
    this.#status.textContent = t.industrySearching
    this.setAttribute('aria-busy', 'true')

    let matches: IndustryMatches | undefined
    try {
      matches = await searchIndustries(text, search.signal)
    } catch {
      return
    }
    if (this.#search !== search) return

    this.removeAttribute('aria-busy')
    if (!matches) {
      this.#close()
      this.#status.textContent = t.industryFailed
      return
    }
    this.#show(matches, text)
  }

  #show(matches: IndustryMatches, text: string): void {
    const t = stringsFor().precheck
    this.#matches = matches.industries
    this.#active = undefined
    this.#list.replaceChildren(
      ...this.#matches.map((industry, index) => this.#option(industry, index)),
    )

    if (text.trim() === '') this.#status.textContent = ''
    else if (this.#matches.length === 0) this.#status.textContent = t.industryNone(text.trim())
    else this.#status.textContent = t.industryFound(String(this.#matches.length), matches.more)

    if (this.#matches.length > 0 && document.activeElement === this.#input) this.#open()
    else this.#close()
  }

  #option(industry: Industry, index: number): HTMLElement {
    const option = document.createElement('li')
    option.id = `${this.#list.id}-${index}`
    option.setAttribute('role', 'option')
    option.setAttribute('aria-selected', 'false')
    option.dataset.index = String(index)
    option.dataset.code = industry.code

    const code = document.createElement('span')
    code.className = 'code'
    code.textContent = industry.code
    const name = document.createElement('span')
    name.textContent = industry.name_zh
    const level = document.createElement('span')
    level.className = 'level'
    level.textContent = stringsFor().precheck.industryLevels[industry.level]
    option.append(code, ' ', name, ' ', level)
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
      // Choosing from the list must not also submit the form.
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
    const industry = this.#matches[index]
    if (!industry) return

    const t = stringsFor().precheck
    this.#chosen = industry
    this.#input.value = `${industry.code} ${industry.name_zh}`
    const level = t.industryLevels[industry.level]
    this.#chosenLine.textContent = t.industryChosen(industry.code, industry.name_zh, level)
    this.#status.textContent = ''
    this.#close()
    this.dispatchEvent(new CustomEvent('industry-change', { bubbles: true }))
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
