import { markChineseData } from '../i18n/data-language.ts'
import { stringsFor } from '../i18n/index.ts'
import { formatReportTime, statusText } from '../report/report-format.ts'
import { isTerm } from '../zoning/zoning-terms.ts'
import {
  STAFF_API,
  staffBlob,
  staffGet,
  staffPost,
  type ReportDetail,
  type StaffOutcome,
} from './staff-client.ts'
import { detailFacts } from './staff-format.ts'
import { FieldMessages, type StaffMessage } from './staff-messages.ts'
import { moveControlOf, readMove, type MoveDraft } from './staff-request.ts'
import { MOVE_ERRORS } from './staff-terms.ts'

declare global {
  interface HTMLElementEventMap {
    'report-shown': CustomEvent<ReportDetail | undefined>
    'report-moved': CustomEvent<ReportDetail>
    'staff-signed-out': CustomEvent<string | undefined>
  }
}

/**
 * `<staff-detail>`: one report in full for staff: its facts and deadlines, the description,
 * the photos (fetched with the token and shown from memory), the contact when the role may see
 * it, the history, and a form for the next status among those the token may set. All report
 * text is put in as text. Sends bubbling events: `report-shown` with the report (or undefined
 * when closed), `report-moved` after a status change, and `staff-signed-out` when the API no
 * longer takes the token.
 */
export class StaffDetailElement extends HTMLElement {
  #token: string | undefined
  #report: ReportDetail | undefined
  #photoUrls: string[] = []
  #messages!: FieldMessages
  #sending = false

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('[data-move-form]')
    if (!form) return
    this.#messages = new FieldMessages(form)
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void this.#move()
    })
    this.#select().addEventListener('change', () => this.#showFieldsFor(this.#select().value))
    this.querySelector('[data-close]')?.addEventListener('click', () => this.close())
  }

  /** Reads a report with the token and shows it; false when it could not be shown. */
  async open(code: string, token: string): Promise<boolean> {
    this.#token = token
    const status = this.querySelector<HTMLElement>('[data-detail-status]')
    this.hidden = false
    if (status) status.textContent = stringsFor().staff.loading
    const outcome = await staffGet<ReportDetail>(`/reports/${encodeURIComponent(code)}`, token)
    // Signed out while the answer was on its way.
    if (this.#token !== token) return false
    if (status) status.textContent = ''
    if (outcome.kind !== 'answered') {
      const message = this.#failure(outcome)
      if (message && status) status.textContent = message.text
      return false
    }
    this.#render(outcome.body)
    this.querySelector<HTMLElement>('[data-detail-heading]')?.focus()
    return true
  }

  close(): void {
    this.#release()
    this.#report = undefined
    this.hidden = true
    this.dispatchEvent(new CustomEvent('report-shown', { detail: undefined, bubbles: true }))
  }

  /** Forgets the token and everything shown, as at sign-out. */
  clear(): void {
    this.#token = undefined
    this.#release()
    this.#report = undefined
    this.hidden = true
    for (const part of this.querySelectorAll<HTMLElement>('[data-facts], [data-history]')) {
      part.replaceChildren()
    }
  }

  #render(report: ReportDetail): void {
    const t = stringsFor()
    const s = t.staff
    this.#report = report
    this.dataset.code = report.trackingCode
    const heading = this.querySelector<HTMLElement>('[data-detail-heading]')
    if (heading) heading.textContent = s.detailHeading(report.trackingCode)

    const facts = this.querySelector<HTMLElement>('[data-facts]')
    facts?.replaceChildren(
      ...detailFacts(report, t).flatMap((fact) => {
        const term = document.createElement('dt')
        const value = document.createElement('dd')
        term.textContent = fact.term
        value.textContent = fact.value
        value.dataset.field = fact.key
        return [term, value]
      }),
    )
    const description = this.querySelector<HTMLElement>('[data-description]')
    if (description) {
      description.textContent = report.description
      // Marked again below for this report's text, whatever the last one's was.
      description.removeAttribute('lang')
    }

    this.#renderPhotos(report)
    this.#renderContact(report)
    this.#renderHistory(report)
    this.#renderMoves(report)
    markChineseData(this)
    this.dispatchEvent(new CustomEvent('report-shown', { detail: report, bubbles: true }))
  }

  #renderPhotos(report: ReportDetail): void {
    const s = stringsFor().staff
    this.#release()
    const list = this.querySelector<HTMLElement>('[data-photos]')
    const none = this.querySelector<HTMLElement>('[data-no-photos]')
    if (!list || !none) return
    none.hidden = report.photos.length > 0
    none.textContent = s.noPhotos
    list.replaceChildren(
      ...report.photos.map((photo) => {
        const item = document.createElement('li')
        item.dataset.position = String(photo.position)
        void this.#loadPhoto(item, photo.url, s.photoAlt(String(photo.position)))
        return item
      }),
    )
  }

  /** A photo needs the token, which `<img src>` cannot send: fetched, then shown from memory. */
  async #loadPhoto(item: HTMLElement, url: string, alt: string): Promise<void> {
    const token = this.#token
    if (!token || !url.startsWith(`${STAFF_API}/`)) return
    const outcome = await staffBlob(url.slice(STAFF_API.length), token)
    if (this.#token !== token) return
    if (outcome.kind !== 'answered') {
      item.textContent = stringsFor().staff.photoFailed
      if (outcome.kind === 'signed-out') this.#signedOut(outcome.code)
      return
    }
    const objectUrl = URL.createObjectURL(outcome.body)
    this.#photoUrls.push(objectUrl)
    const image = document.createElement('img')
    image.src = objectUrl
    image.alt = alt
    image.loading = 'lazy'
    item.replaceChildren(image)
  }

  #release(): void {
    for (const url of this.#photoUrls) URL.revokeObjectURL(url)
    this.#photoUrls = []
  }

  #renderContact(report: ReportDetail): void {
    const s = stringsFor().staff
    const list = this.querySelector<HTMLElement>('[data-contact]')
    const note = this.querySelector<HTMLElement>('[data-contact-note]')
    if (!list || !note) return
    const contact = report.contact ?? undefined
    const fields = (['name', 'phone', 'email'] as const).filter((field) => contact?.[field])
    list.replaceChildren(
      ...fields.flatMap((field) => {
        const term = document.createElement('dt')
        const value = document.createElement('dd')
        term.textContent = s.contactFields[field]
        value.textContent = contact![field]!
        value.dataset.field = `contact-${field}`
        return [term, value]
      }),
    )
    list.hidden = fields.length === 0
    note.hidden = fields.length > 0
    note.textContent = report.contactHidden ? s.contactHidden : s.noContact
  }

  #renderHistory(report: ReportDetail): void {
    const t = stringsFor()
    const s = t.staff
    const list = this.querySelector<HTMLElement>('[data-history]')
    list?.replaceChildren(
      ...report.history.map((event) => {
        const item = document.createElement('li')
        item.dataset.status = event.status
        const time = document.createElement('time')
        time.dateTime = event.at
        time.textContent = formatReportTime(event.at, t)
        const status = document.createElement('strong')
        status.textContent = statusText(event.status, t)
        item.append(time, ' ', status)
        const lines = [
          event.actor ? s.historyBy(event.actor) : undefined,
          event.assignee ? s.historyAssignee(event.assignee) : undefined,
          event.referredTo ? s.historyReferred(event.referredTo) : undefined,
          event.note ?? undefined,
        ]
        for (const text of lines) {
          if (text === undefined) continue
          const line = document.createElement('span')
          line.className = 'line'
          line.textContent = text
          item.append(line)
        }
        return item
      }),
    )
  }

  #renderMoves(report: ReportDetail): void {
    const t = stringsFor()
    const form = this.querySelector<HTMLFormElement>('[data-move-form]')
    const none = this.querySelector<HTMLElement>('[data-no-moves]')
    if (!form || !none) return
    this.#messages.clear()
    form.reset()
    const select = this.#select()
    const first = select.options[0]
    select.replaceChildren(
      ...(first ? [first] : []),
      ...report.nextStatuses.map((status) => {
        const option = document.createElement('option')
        option.value = status
        option.textContent = statusText(status, t)
        return option
      }),
    )
    form.hidden = report.nextStatuses.length === 0
    none.hidden = report.nextStatuses.length > 0
    none.textContent = t.staff.noMoves
    this.#showFieldsFor('')
  }

  /** The authority goes only with a referral, the assignee only with an assignment. */
  #showFieldsFor(to: string): void {
    for (const [name, status] of [
      ['referredTo', 'referred'],
      ['assignee', 'assigned'],
    ] as const) {
      const field = this.querySelector<HTMLElement>(`[data-move-field="${name}"]`)
      const input = field?.querySelector<HTMLInputElement>('input')
      if (!field || !input) continue
      field.hidden = to !== status
      input.required = to === status
    }
  }

  #select(): HTMLSelectElement {
    const select = this.querySelector<HTMLSelectElement>('#staff-move-to')
    if (!select) throw new Error('the report detail has no #staff-move-to')
    return select
  }

  #draft(): MoveDraft {
    const value = (selector: string) =>
      this.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)?.value ?? ''
    return {
      to: this.#select().value,
      note: value('#staff-move-note'),
      referredTo: value('#staff-move-referred-to'),
      assignee: value('#staff-move-assignee'),
    }
  }

  async #move(): Promise<void> {
    const report = this.#report
    const token = this.#token
    if (this.#sending || !report || !token) return
    const t = stringsFor()
    const s = t.staff
    const read = readMove(this.#draft())
    if ('problems' in read) {
      this.#messages.show(
        read.problems.map((p) => ({ control: p.control, text: s.problems[p.problem] })),
      )
      return
    }

    this.#sending = true
    const button = this.querySelector<HTMLButtonElement>('[data-move-submit]')
    const progress = this.querySelector<HTMLElement>('[data-move-status]')
    if (button) button.disabled = true
    if (progress) progress.textContent = s.moving
    this.#messages.clear()
    const code = encodeURIComponent(report.trackingCode)
    const outcome = await staffPost<ReportDetail>(
      `/reports/${code}/transitions`,
      token,
      read.request,
    )
    this.#sending = false
    if (button) button.disabled = false
    if (this.#token !== token) return
    if (outcome.kind === 'answered') {
      this.#render(outcome.body)
      if (progress) progress.textContent = s.moved(statusText(outcome.body.status, t))
      // The button was disabled while sending, which took the focus from it: it goes to the
      // next move, or to the report's heading when no move is left.
      const form = this.querySelector<HTMLFormElement>('[data-move-form]')
      const next = form && !form.hidden ? this.#select() : undefined
      ;(next ?? this.querySelector<HTMLElement>('[data-detail-heading]'))?.focus()
      this.dispatchEvent(new CustomEvent('report-moved', { detail: outcome.body, bubbles: true }))
      return
    }
    if (progress) progress.textContent = ''
    const message = this.#failure(outcome)
    if (message) this.#messages.show([message])
  }

  /** What a failed request says to the reader; undefined when the token was refused. */
  #failure(
    outcome: Exclude<StaffOutcome<unknown>, { kind: 'answered' }>,
  ): StaffMessage | undefined {
    const s = stringsFor().staff
    if (outcome.kind === 'signed-out') {
      this.#signedOut(outcome.code)
      return undefined
    }
    if (outcome.kind === 'failed') {
      return { text: outcome.reason === 'network' ? s.errorNetwork : s.errorServer }
    }
    const known = isTerm(MOVE_ERRORS, outcome.code) ? s.moveErrors[outcome.code] : s.errorOther
    return { control: moveControlOf(outcome.field), text: known, detail: outcome.message }
  }

  #signedOut(code: string | undefined): void {
    this.dispatchEvent(new CustomEvent('staff-signed-out', { detail: code, bubbles: true }))
  }
}
