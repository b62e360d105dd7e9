import { listedStatus, movedOption, type ComboboxTexts } from './combobox-list.ts'

/** Wait this long after the last keystroke before searching, ms. */
const SEARCH_DELAY_MS = 200

/** What a search found: the items to list, and whether more match than were listed. */
export interface ComboboxMatches<Item> {
  items: Item[]
  more: boolean
}

/** The markup a combobox works in, and what its owner makes of the items. */
export interface ComboboxParts<Item> {
  /** The element marked `aria-busy` while a search runs. */
  host: HTMLElement
  input: HTMLInputElement
  /** The listbox; the options' ids are made from its id. */
  list: HTMLElement
  /** A live region that says what the search found. */
  status: HTMLElement
  texts: ComboboxTexts
  /** Finds the items for a text: undefined when the search failed; rejects when aborted. */
  search: (text: string, signal: AbortSignal) => Promise<ComboboxMatches<Item> | undefined>
  /** Fills the option that shows the item; its id, role, state and index are set already. */
  fillOption: (option: HTMLElement, item: Item) => void
  /** Takes the item chosen from the list, once the list has closed. */
  choose: (item: Item) => void
  /** Hears that the text was edited, before it is searched for. */
  edited?: () => void
}

/**
 * An ARIA combobox over a text box, with a list of matches that a search fills. Typing searches
 * once the keys rest; Down and Up move through the list (Alt+Down only opens it), Enter chooses,
 * Escape closes the list (or, when closed, clears the field); a click chooses too. The list
 * opens only under the focused text box and closes when it loses the focus.
 */
export class Combobox<Item> {
  readonly #parts: ComboboxParts<Item>
  #items: Item[] = []
  #active: number | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #search: AbortController | undefined

  constructor(parts: ComboboxParts<Item>) {
    this.#parts = parts
    const { input, list } = parts

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

  /** Searches for the text in the box now, without waiting for the keys to rest. */
  searchNow(): void {
    clearTimeout(this.#timer)
    void this.#find(this.#parts.input.value)
  }

  #typed(): void {
    this.#parts.edited?.()
    clearTimeout(this.#timer)
    this.#search?.abort()

    const text = this.#parts.input.value
    if (text.trim() === '') {
      this.#show({ items: [], more: false }, text)
      return
    }
    this.#timer = setTimeout(() => void this.#find(text), SEARCH_DELAY_MS)
  }

  async #find(text: string): Promise<void> {
    const { host, status, texts } = this.#parts
    this.#search?.abort()
    const search = new AbortController()
    this.#search = search
    status.textContent = texts.searching
    host.setAttribute('aria-busy', 'true')

    let matches: ComboboxMatches<Item> | undefined
    try {
      matches = await this.#parts.search(text, search.signal)
    } catch {
      return
    }
    // A later search has taken over.
    if (this.#search !== search) return

    host.removeAttribute('aria-busy')
    if (!matches) {
      this.#close()
      status.textContent = texts.failed
      return
    }
    this.#show(matches, text)
  }

  #show(matches: ComboboxMatches<Item>, text: string): void {
    const { input, list, status, texts } = this.#parts
    this.#items = matches.items
    this.#active = undefined
    list.replaceChildren(...this.#items.map((item, index) => this.#option(item, index)))
    status.textContent = listedStatus(texts, text, this.#items.length, matches.more)

    if (this.#items.length > 0 && document.activeElement === input) this.#open()
    else this.#close()
  }

  #option(item: Item, index: number): HTMLElement {
    const option = document.createElement('li')
    option.id = `${this.#parts.list.id}-${index}`
    option.setAttribute('role', 'option')
    option.setAttribute('aria-selected', 'false')
    option.dataset.index = String(index)
    this.#parts.fillOption(option, item)
    return option
  }

  #key(event: KeyboardEvent): void {
    const open = !this.#parts.list.hidden
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.#items.length === 0) return
      event.preventDefault()
      if (!open) this.#open()
      // Alt+Down opens the list without moving through it.
      if (!event.altKey) this.#highlight(movedOption(this.#active, this.#items.length, event.key))
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
      } else if (this.#parts.input.value !== '') {
        event.preventDefault()
        this.#parts.input.value = ''
        this.#typed()
      }
    }
  }

  #highlight(index: number | undefined): void {
    const { input, list } = this.#parts
    this.#active = index
    for (const option of list.querySelectorAll<HTMLElement>('[role="option"]')) {
      const active = Number(option.dataset.index) === index
      option.setAttribute('aria-selected', String(active))
      if (active) option.scrollIntoView({ block: 'nearest' })
    }
    if (index === undefined) input.removeAttribute('aria-activedescendant')
    else input.setAttribute('aria-activedescendant', `${list.id}-${index}`)
  }

  #choose(index: number): void {
    const item = this.#items[index]
    if (item === undefined) return

    this.#close()
    this.#parts.choose(item)
  }

  #open(): void {
    this.#parts.list.hidden = false
    this.#parts.input.setAttribute('aria-expanded', 'true')
  }

  #close(): void {
    this.#parts.list.hidden = true
    this.#parts.input.setAttribute('aria-expanded', 'false')
    this.#highlight(undefined)
  }
}
