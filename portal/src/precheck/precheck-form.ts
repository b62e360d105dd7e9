import {
  clearMessageSlot,
  detailLine,
  hideErrorSummary,
  sendingOnce,
  showErrorSummary,
  summaryItem,
  tieToMessage,
} from '../forms/field-messages.ts'
import { stringsFor } from '../i18n/index.ts'
import { isTerm, PROJECT_KINDS, type ProjectKind } from '../zoning/zoning-terms.ts'
import type { IndustryComboboxElement } from './industry-combobox.ts'
import { asIndustryCode } from './industry-search.ts'
import type { PrecheckMapElement } from './precheck-map.ts'
import {
  problemMessage,
  refusalMessages,
  type PrecheckControl,
  type PrecheckMessage,
} from './precheck-errors.ts'
import { sendPrecheck, type PrecheckRequest } from './precheck-client.ts'
import type { PrecheckResultElement } from './precheck-result.ts'
import {
  DRAW_KINDS,
  SITE_CRS_CHOICES,
  SITE_MODES,
  type FormProblem,
  type SiteMode,
} from './precheck-terms.ts'
import { MIN_VERTICES, type DrawingState } from './site-drawing.ts'
import { readSiteText } from './site-text.ts'

/** The most a site file may be, as the API takes it. */
const FILE_LIMIT_BYTES = 5 * 1024 * 1024

/**
 * `<precheck-form>`: the pre-check form with script. It switches between drawing the site,
 * uploading a file and typing it; drives the drawing on `<precheck-map>`; sends the check
 * (JSON for a drawn site, a form for a file or text); and puts each message beside the part of
 * the form it is about, with `aria-invalid` and `aria-describedby`, and in a summary above.
 * The answer goes to `<precheck-result>` and the map. Without script the form posts to the API
 * itself.
 */
export class PrecheckFormElement extends HTMLElement {
  #form!: HTMLFormElement
  #submit = sendingOnce(this, (progress) => this.#check(progress))

  connectedCallback(): void {
    const form = this.querySelector('form')
    if (!form) return
    this.#form = form

    for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-script]')) {
      hidden.hidden = false
      if (hidden instanceof HTMLFieldSetElement) hidden.disabled = false
    }
    for (const option of this.querySelectorAll<HTMLOptionElement>('option[data-needs-script]')) {
      option.disabled = false
    }
    this.#offerTextForms()

    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void this.#submit()
    })
    form.addEventListener('change', (event) => this.#changed(event.target))
    this.querySelectorAll<HTMLButtonElement>('[data-draw]').forEach((button) =>
      button.addEventListener('click', () => void this.#drawAction(button.dataset.draw)),
    )

    this.#showMode()
    this.#showCrs()
    void this.#map().then((map) => {
      map.addEventListener('drawing-change', (event) => this.#drawingChanged(event.detail))
      this.#drawingChanged(map.drawing.state)
    })
  }

  /**
   * The text box is served as the form without script posts it, WKT alone; the script reads
   * lines of coordinates, GeoJSON, KML and boundary points too, so its label, hint and example
   * say that instead.
   */
  #offerTextForms(): void {
    const p = stringsFor().precheck
    const label = this.querySelector<HTMLElement>('[data-text-label]')
    const hint = this.querySelector<HTMLElement>('[data-text-hint]')
    const box = this.querySelector<HTMLTextAreaElement>('[data-site-input="text"]')
    if (label) label.textContent = p.textLabel
    if (hint) hint.textContent = p.textHint
    if (box) box.placeholder = p.textExample
  }

  get #mode(): SiteMode {
    const value = this.#checked('siteMode')
    return isTerm(SITE_MODES, value) ? value : 'draw'
  }

  #checked(name: string): string | undefined {
    return this.#form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value
  }

  #changed(target: EventTarget | null): void {
    if (!(target instanceof HTMLElement)) return
    if (target.matches('[name="siteMode"]')) this.#showMode()
    else if (target.matches('[name="drawKind"]')) void this.#setKind()
    else if (target.matches('[data-crs]')) this.#showCrs()
    else if (target.matches('[data-site-input="file"]')) this.#showFile()
  }

  #showMode(): void {
    const mode = this.#mode
    for (const panel of this.querySelectorAll<HTMLElement>('[data-panel]')) {
      panel.hidden = panel.dataset.panel !== mode
    }
    const crs = this.querySelector<HTMLElement>('[data-crs-block]')
    if (crs) crs.hidden = mode === 'draw'
    void this.#map().then((map) => map.setDrawingEnabled(mode === 'draw'))
  }

  #showCrs(): void {
    const choice = this.querySelector<HTMLSelectElement>('[data-crs]')?.selectedOptions[0]
    const gaussKruger = this.querySelector<HTMLElement>('[data-gauss-kruger]')
    if (gaussKruger) gaussKruger.hidden = choice?.dataset.choice !== 'gauss-kruger'
  }

  #showFile(): void {
    const input = this.querySelector<HTMLInputElement>('[data-site-input="file"]')
    const line = this.querySelector<HTMLElement>('[data-file-chosen]')
    const file = input?.files?.[0]
    if (!line) return
    line.textContent = file
      ? stringsFor().precheck.fileChosen(file.name, (file.size / 1024).toFixed(1))
      : ''
  }

  async #setKind(): Promise<void> {
    const kind = this.#checked('drawKind')
    if (!isTerm(DRAW_KINDS, kind)) return
    const hint = this.querySelector<HTMLElement>('[data-draw-hint]')
    if (hint) hint.textContent = stringsFor().precheck.drawHint[kind]
    ;(await this.#map()).setKind(kind)
  }

  async #drawAction(action: string | undefined): Promise<void> {
    const map = await this.#map()
    if (action === 'finish') map.finish()
    else if (action === 'undo') map.undo()
    else if (action === 'clear') map.clear()
    else if (action === 'centre') map.addCentre()
  }

  /** The status line and the buttons follow the drawing. */
  #drawingChanged(state: DrawingState): void {
    const p = stringsFor().precheck
    const kind = p.drawKinds[state.kind]
    const count = String(state.count)
    const status = this.querySelector<HTMLElement>('[data-draw-status]')
    if (status) {
      status.textContent =
        state.count === 0
          ? p.drawEmpty(kind)
          : state.finished
            ? p.drawFinished(kind, count)
            : state.canFinish
              ? p.drawReady(kind, count)
              : p.drawProgress(kind, count, String(MIN_VERTICES[state.kind]))
    }

    const enabled: Record<string, boolean> = {
      finish: state.canFinish,
      undo: state.count > 0,
      clear: state.count > 0,
      centre: !state.finished,
    }
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-draw]')) {
      button.disabled = !enabled[button.dataset.draw ?? '']
    }
    if (state.count > 0) this.#clearMessage('site')
  }

  async #check(progress: HTMLElement | null): Promise<void> {
    const t = stringsFor()
    this.#clearMessages()
    const built = await this.#request()
    if ('problems' in built) {
      this.#showMessages(built.problems.map((problem) => problemMessage(problem, t)))
      return
    }

    if (progress) progress.textContent = t.precheck.checking
    this.setAttribute('aria-busy', 'true')
    const [result, map] = await Promise.all([this.#result(), this.#map()])
    result.clear()
    map.clearAnswer()

    const outcome = await sendPrecheck(built.request)
    switch (outcome.kind) {
      case 'answered':
        map.showAnswer(outcome.answer)
        result.show(outcome.answer)
        break
      case 'refused':
        this.#showMessages(refusalMessages(outcome, t))
        break
      case 'failed': {
        const p = t.precheck
        const text = outcome.reason === 'network' ? p.errorNetwork : p.errorServer
        this.#showMessages([{ control: undefined, text }], p.notSentSummary)
      }
    }
  }

  /** The check to send, or what the form itself finds missing or wrong. */
  async #request(): Promise<{ request: PrecheckRequest } | { problems: FormProblem[] }> {
    const problems: FormProblem[] = []
    const combobox = await this.#combobox()
    const industry = combobox.value
    // Text that is neither picked from the list nor a code (a name typed and left) is no
    // industry the API reads: said now, with the site's problems, not after them.
    if (asIndustryCode(industry) === undefined) problems.push('industry-missing')
    const kind = this.#checked('projectKind')
    const projectKind: ProjectKind = isTerm(PROJECT_KINDS, kind) ? kind : 'new'
    const project = { industry, projectKind }

    const site = await this.#site()
    if ('problem' in site) return { problems: [site.problem, ...problems] }
    if (problems.length > 0) return { problems }
    return { request: { ...project, ...site.site } }
  }

  async #site(): Promise<
    | { site: DistributiveOmit<PrecheckRequest, 'industry' | 'projectKind'> }
    | { problem: FormProblem }
  > {
    const mode = this.#mode
    if (mode === 'draw') {
      const map = await this.#map()
      map.finish()
      const geometry = map.drawing.geometry()
      if (geometry) return { site: { site: 'drawn', geometry } }
      return { problem: map.drawing.state.count === 0 ? 'draw-empty' : 'draw-unfinished' }
    }

    const crs = this.#crs()
    if (crs === null) return { problem: 'gauss-kruger-missing' }
    const withCrs = crs ? { crs } : {}

    if (mode === 'file') {
      const file = this.querySelector<HTMLInputElement>('[data-site-input="file"]')?.files?.[0]
      if (!file) return { problem: 'file-missing' }
      if (file.size > FILE_LIMIT_BYTES) return { problem: 'file-too-large' }
      return { site: { site: 'file', file, fileName: file.name, ...withCrs } }
    }

    const area = this.querySelector<HTMLTextAreaElement>('[data-site-input="text"]')
    const text = readSiteText(area?.value ?? '')
    if (text.kind === 'empty') return { problem: 'text-missing' }
    if (text.kind === 'unrecognised') return { problem: 'text-unrecognised' }
    return { site: { site: 'text', field: text.field, text: text.value, ...withCrs } }
  }

  /** The `crs` to send: undefined for the API's default, null when a code is wanted. */
  #crs(): string | undefined | null {
    const choice = this.querySelector<HTMLSelectElement>('[data-crs]')?.selectedOptions[0]
    const value = choice?.dataset.choice
    if (!isTerm(SITE_CRS_CHOICES, value) || value === 'auto') return undefined
    if (value !== 'gauss-kruger') return value

    const code = this.querySelector<HTMLInputElement>('[data-gauss-kruger-code]')?.value.trim()
    return code ? code : null
  }

  #showMessages(messages: PrecheckMessage[], heading?: string): void {
    const items = messages.map((message) =>
      summaryItem(
        message.text,
        message.control ? this.#targets(message.control)[0] : undefined,
        message.detail ? detail(message.detail) : undefined,
      ),
    )
    showErrorSummary(this, items, heading)
    for (const message of messages) if (message.control) this.#placeMessage(message)
  }

  /** Puts a message beside its control, after any already there, and ties the control to it. */
  #placeMessage(message: PrecheckMessage): void {
    const control = message.control
    const slot = control ? this.#slot(control) : undefined
    if (!control || !slot) return

    const line = document.createElement('span')
    line.className = 'message'
    line.textContent = message.text
    if (message.detail) line.append(detail(message.detail))
    slot.append(line)
    slot.hidden = false
    tieToMessage(this.#targets(control), slot)
  }

  #clearMessages(): void {
    hideErrorSummary(this)
    for (const control of ['site', 'crs', 'industry', 'projectKind'] as const) {
      this.#clearMessage(control)
    }
  }

  #clearMessage(control: PrecheckControl): void {
    // A drawn site's message describes the map's canvas, which lies outside the form.
    for (const slot of this.querySelectorAll<HTMLElement>(`[data-error-for="${control}"]`)) {
      clearMessageSlot(document, slot)
    }
  }

  /** Where a control's message goes: for the site, the slot of the way it is given. */
  #slot(control: PrecheckControl): HTMLElement | undefined {
    const mode = control === 'site' ? `[data-mode="${this.#mode}"]` : ''
    return this.querySelector<HTMLElement>(`[data-error-for="${control}"]${mode}`) ?? undefined
  }

  /** The elements a control's message describes, the one to focus first. */
  #targets(control: PrecheckControl): HTMLElement[] {
    const find = (selector: string) => [...this.querySelectorAll<HTMLElement>(selector)]
    switch (control) {
      case 'industry':
        return find('[data-industry-input]')
      case 'projectKind':
        return find('[data-project-kinds]')
      case 'crs': {
        const code = this.querySelector<HTMLElement>('[data-gauss-kruger]:not([hidden]) input')
        return code ? [code] : find('[data-crs]')
      }
      case 'site':
        // A drawn site is about the map: its canvas takes the focus and the message.
        if (this.#mode === 'draw') {
          return [...document.querySelectorAll<HTMLElement>('precheck-map .maplibregl-canvas')]
        }
        return find(`[data-site-input="${this.#mode}"]`)
    }
  }

  async #map(): Promise<PrecheckMapElement> {
    return this.#element<PrecheckMapElement>('precheck-map')
  }

  async #result(): Promise<PrecheckResultElement> {
    return this.#element<PrecheckResultElement>('precheck-result')
  }

  async #combobox(): Promise<IndustryComboboxElement> {
    return this.#element<IndustryComboboxElement>('industry-combobox')
  }

  async #element<E extends HTMLElement>(name: string): Promise<E> {
    await customElements.whenDefined(name)
    const element = document.querySelector<E>(name)
    if (!element) throw new Error(`the pre-check page has no <${name}>`)
    return element
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

function detail(text: string): HTMLElement {
  return detailLine(stringsFor().precheck.errorDetail, text)
}
