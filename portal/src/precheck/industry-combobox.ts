import { industryName } from '../check/check-format.ts'
import { Combobox } from '../forms/combobox.ts'
import { stringsFor } from '../i18n/index.ts'
import { asIndustryCode, searchIndustries, type Industry } from './industry-search.ts'

/**
 * `<industry-combobox>`: the industry field as an ARIA combobox with a list of matches from
 * `GET /api/industries`. Typing searches by name or code; Down and Up move through the list,
 * Enter chooses, Escape closes the list (or, when closed, clears the field); a click chooses
 * too. Without script the field is a plain text box for a code.
 */
export class IndustryComboboxElement extends HTMLElement {
  #input!: HTMLInputElement
  #chosen: Industry | undefined

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('[data-industry-input]')
    const list = this.querySelector<HTMLElement>('[data-industry-list]')
    const status = this.querySelector<HTMLElement>('[data-industry-status]')
    const chosenLine = this.querySelector<HTMLElement>('[data-industry-chosen]')
    if (!input || !list || !status || !chosenLine) return
    this.#input = input

    const p = stringsFor().precheck
    new Combobox<Industry>({
      host: this,
      input,
      list,
      status,
      texts: {
        searching: p.industrySearching,
        failed: p.industryFailed,
        none: p.industryNone,
        found: p.industryFound,
      },
      search: async (text, signal) => {
        const matches = await searchIndustries(text, signal)
        return matches && { items: matches.industries, more: matches.more }
      },
      fillOption: industryOption,
      edited: () => {
        this.#chosen = undefined
        chosenLine.textContent = ''
      },
      choose: (industry) => {
        this.#chosen = industry
        const name = industryName(industry, stringsFor())
        input.value = `${industry.code} ${name}`
        const level = p.industryLevels[industry.level]
        chosenLine.textContent = p.industryChosen(industry.code, name, level)
        status.textContent = ''
        this.dispatchEvent(new CustomEvent('industry-change', { bubbles: true }))
      },
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
}

/** An option shows the code, the name and the level in the catalogue. */
function industryOption(option: HTMLElement, industry: Industry): void {
  option.dataset.code = industry.code

  const code = document.createElement('span')
  code.className = 'code'
  code.textContent = industry.code
  const name = document.createElement('span')
  name.textContent = industryName(industry, stringsFor())
  const level = document.createElement('span')
  level.className = 'level'
  level.textContent = stringsFor().precheck.industryLevels[industry.level]
  option.append(code, ' ', name, ' ', level)
}
