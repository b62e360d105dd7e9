import { detailLine } from '../forms/field-messages.ts'
import { stringsFor } from '../i18n/index.ts'
import { fetchReport } from './report-client.ts'
import { trackRefusalText } from './report-errors.ts'
import { renderFacts, renderHistory } from './report-render.ts'

/**
 * `<report-track>`: the lookup of a report by its tracking code. Reads `?code=` on arrival and
 * looks it up; a submitted code is looked up and put in the address, so the page can be kept
 * as a bookmark. A malformed, unknown or too frequent lookup is shown beside the code field,
 * with `aria-invalid` and `aria-describedby`.
 */
export class ReportTrackElement extends HTMLElement {
  #busy = false

  connectedCallback(): void {
    const form = this.querySelector('form')
    const input = this.#input()
    if (!form || !input) return
    // Hidden in the page: without script it would put the code in the page's address.
    form.hidden = false

    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void this.#lookUp(input.value, true)
    })
    const code = new URLSearchParams(window.location.search).get('code')
    if (code) {
      input.value = code
      void this.#lookUp(code, false)
    }
  }

  #input(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>('#track-code')
  }

  async #lookUp(code: string, typed: boolean): Promise<void> {
    if (this.#busy) return
    this.#busy = true
    const t = stringsFor()
    const r = t.reportTrack
    const progress = this.querySelector<HTMLElement>('[data-progress]')
    const result = this.querySelector<HTMLElement>('[data-result]')
    this.#error(undefined)
    if (result) result.hidden = true

    try {
      if (code.trim() === '') {
        this.#error(r.codeMissing)
        return
      }
      if (typed) {
        const url = new URL(window.location.href)
        url.searchParams.set('code', code.trim())
        history.replaceState(null, '', url)
      }
      if (progress) progress.textContent = r.looking
      const outcome = await fetchReport(code)
      if (outcome.kind === 'refused') this.#error(trackRefusalText(outcome, t), outcome.message)
      else if (outcome.kind === 'failed') {
        this.#error(outcome.reason === 'network' ? r.errorNetwork : r.errorServer)
      } else if (result) {
        const view = outcome.view
        result.dataset.trackingCode = view.trackingCode
        const heading = result.querySelector<HTMLElement>('[data-result-heading]')
        if (heading) heading.textContent = r.resultHeading(view.trackingCode)
        const facts = result.querySelector<HTMLElement>('[data-facts]')
        if (facts) renderFacts(facts, view, t)
        const events = result.querySelector<HTMLElement>('[data-history]')
        if (events) renderHistory(events, view, t)
        result.hidden = false
        if (typed) heading?.focus()
      }
    } finally {
      this.#busy = false
      if (progress) progress.textContent = ''
    }
  }

  /** Shows a message beside the code field, or clears it. */
  #error(text: string | undefined, detail?: string): void {
    const input = this.#input()
    const slot = this.querySelector<HTMLElement>('#track-code-error')
    if (!input || !slot) return
    const ids = (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id && id !== slot.id)
    if (text === undefined) {
      slot.hidden = true
      slot.replaceChildren()
      input.removeAttribute('aria-invalid')
      input.setAttribute('aria-describedby', ids.join(' '))
      return
    }
    slot.replaceChildren(text)
    if (detail) {
      slot.append(detailLine(stringsFor().reportForm.errorDetail, detail))
    }
    slot.hidden = false
    input.setAttribute('aria-invalid', 'true')
    input.setAttribute('aria-describedby', [...ids, slot.id].join(' '))
    input.focus()
  }
}
