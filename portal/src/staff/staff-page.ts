import { stringsFor } from '../i18n/index.ts'
import { layerTitle } from '../lookup/zone-labels.ts'
import { categoryText, statusText } from '../report/report-format.ts'
import { EFFECTS, isTerm } from '../zoning/zoning-terms.ts'
import {
  staffBlob,
  staffGet,
  type Lead,
  type ReportList,
  type ReportSummary,
  type StaffMe,
  type StaffOutcome,
} from './staff-client.ts'
import type { StaffDetailElement } from './staff-detail.ts'
import {
  leadBasisText,
  leadKindText,
  leadSubjectText,
  overdueText,
  priorityText,
  roleText,
  summaryLine,
} from './staff-format.ts'
import type { StaffMapElement } from './staff-map.ts'
import { FieldMessages, type StaffMessage } from './staff-messages.ts'
import { filterControlOf, readFilter, readToken, type FilterDraft } from './staff-request.ts'
import { forgetToken, saveToken, savedToken } from './staff-session.ts'
import { FILTER_CONTROLS, TOKEN_ERRORS, type TokenError } from './staff-terms.ts'

/** Reports fetched per page of the list. */
const PAGE = 50

/**
 * `<staff-page>`: the bureau page. Asks for a staff token, checks it with `GET /api/staff/me`
 * and keeps it in sessionStorage only; then shows the report list with its filters, the map,
 * the detail of the report opened and the enforcement leads, and exports the list as CSV. A
 * token the API refuses, now or later, sends the page back to the sign-in form with the reason;
 * signing out forgets the token and clears everything shown. Report text is only ever put in
 * as text.
 */
export class StaffPageElement extends HTMLElement {
  #token: string | undefined
  #query = new URLSearchParams()
  #shown: ReportSummary[] = []
  #signInMessages!: FieldMessages
  #filterMessages!: FieldMessages
  #busy = false

  connectedCallback(): void {
    const signIn = this.querySelector<HTMLFormElement>('[data-sign-in-form]')
    const filters = this.querySelector<HTMLFormElement>('[data-filter-form]')
    if (!signIn || !filters) return
    this.#signInMessages = new FieldMessages(signIn)
    this.#filterMessages = new FieldMessages(filters)

    signIn.addEventListener('submit', (event) => {
      event.preventDefault()
      void this.#signIn()
    })
    filters.addEventListener('submit', (event) => {
      event.preventDefault()
      void this.#applyFilters()
    })
    // After the browser has emptied the fields.
    filters.addEventListener('reset', () => setTimeout(() => void this.#applyFilters()))
    this.querySelector('[data-sign-out]')?.addEventListener('click', () => this.#signOut('user'))
    this.querySelector('[data-more]')?.addEventListener('click', () => void this.#loadList(true))
    this.querySelector('[data-export]')?.addEventListener('click', () => void this.#export())
    this.querySelector('[data-leads-refresh]')?.addEventListener('click', () => {
      void this.#loadLeads()
    })
    this.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLElement>('[data-open]')
      if (button?.dataset.open) void this.#open(button.dataset.open)
    })
    this.addEventListener('report-open', (event) => void this.#open(event.detail))
    this.addEventListener('report-shown', (event) => {
      const report = event.detail
      this.#map()?.mark(report?.trackingCode, report?.location)
      for (const item of this.querySelectorAll<HTMLElement>('[data-report-list] li')) {
        item.toggleAttribute('data-open-report', item.dataset.code === report?.trackingCode)
      }
    })
    this.addEventListener('report-moved', () => {
      void this.#loadList(false)
      this.#map()?.refresh()
      void this.#loadLeads()
    })
    this.addEventListener('staff-signed-out', (event) => {
      this.#signOut(isTerm(TOKEN_ERRORS, event.detail) ? event.detail : undefined)
    })

    const token = savedToken()
    if (token) void this.#start(token)
    else this.#showSignIn()
  }

  async #signIn(): Promise<void> {
    const s = stringsFor().staff
    const input = this.querySelector<HTMLInputElement>('#staff-token')
    const read = readToken(input?.value ?? '')
    if ('problem' in read) {
      this.#signInMessages.show([{ control: 'token', text: s.problems[read.problem] }])
      return
    }
    await this.#start(read.token)
  }

  /** Checks a token and, when the API takes it, opens the workspace with it. */
  async #start(token: string): Promise<void> {
    if (this.#busy) return
    this.#busy = true
    const s = stringsFor().staff
    const progress = this.querySelector<HTMLElement>('[data-sign-in-progress]')
    if (progress) progress.textContent = s.signingIn
    const outcome = await staffGet<StaffMe>('/me', token)
    this.#busy = false
    if (progress) progress.textContent = ''

    if (outcome.kind !== 'answered') {
      this.#showSignIn()
      if (outcome.kind === 'signed-out') {
        forgetToken()
        this.#signInMessages.show([{ control: 'token', text: tokenRefusal(outcome.code) }])
      } else {
        this.#signInMessages.show([failureMessage(outcome)])
      }
      return
    }

    this.#token = token
    saveToken(token)
    const input = this.querySelector<HTMLInputElement>('#staff-token')
    if (input) input.value = ''
    this.#signInMessages.clear()
    const who = this.querySelector<HTMLElement>('[data-who]')
    if (who)
      who.textContent = s.signedInAs(outcome.body.name, roleText(outcome.body.role, stringsFor()))
    this.#part('[data-sign-in]').hidden = true
    this.#part('[data-session]').hidden = false
    this.#part('[data-workspace]').hidden = false
    this.#map()?.show(token, this.#query.toString())
    await Promise.all([this.#loadList(false), this.#loadLeads()])
  }

  /** Forgets the token and all it showed; `user` when signing out, else why the API refused. */
  #signOut(reason: 'user' | TokenError | undefined): void {
    forgetToken()
    this.#token = undefined
    this.#shown = []
    this.#map()?.stop()
    this.#detail()?.clear()
    for (const list of this.querySelectorAll<HTMLElement>('[data-report-list], [data-leads]')) {
      list.replaceChildren()
    }
    const who = this.querySelector<HTMLElement>('[data-who]')
    if (who) who.textContent = ''
    this.#showSignIn()
    const notice = this.querySelector<HTMLElement>('[data-signed-out]')
    if (reason === 'user') {
      if (notice) {
        notice.textContent = stringsFor().staff.signedOut
        notice.hidden = false
      }
      this.querySelector<HTMLElement>('#staff-token')?.focus()
    } else {
      this.#signInMessages.show([{ control: 'token', text: tokenRefusal(reason, true) }])
    }
  }

  #showSignIn(): void {
    this.#part('[data-workspace]').hidden = true
    this.#part('[data-session]').hidden = true
    this.#part('[data-sign-in]').hidden = false
    const notice = this.querySelector<HTMLElement>('[data-signed-out]')
    if (notice) notice.hidden = true
  }

  async #applyFilters(): Promise<void> {
    const s = stringsFor().staff
    const read = readFilter(this.#filterDraft())
    if ('problems' in read) {
      this.#filterMessages.show(
        read.problems.map((p) => ({ control: p.control, text: s.problems[p.problem] })),
      )
      return
    }
    this.#filterMessages.clear()
    this.#query = read.query
    const ok = await this.#loadList(false)
    if (ok) this.#map()?.refresh(this.#query.toString())
  }

  #filterDraft(): FilterDraft {
    const draft = {} as FilterDraft
    for (const control of FILTER_CONTROLS) {
      const element = this.querySelector<HTMLInputElement | HTMLSelectElement>(
        `[data-filter-form] [name="${control}"]`,
      )
      draft[control] = element?.value ?? ''
    }
    return draft
  }

  /** Loads the first page of the list, or the next one when `more`; false when refused. */
  async #loadList(more: boolean): Promise<boolean> {
    const token = this.#token
    if (!token) return false
    const s = stringsFor().staff
    const count = this.querySelector<HTMLElement>('[data-list-count]')
    const query = new URLSearchParams(this.#query)
    query.set('limit', String(PAGE))
    query.set('offset', String(more ? this.#shown.length : 0))
    if (count) count.textContent = s.loading
    const outcome = await staffGet<ReportList>(`/reports?${query}`, token)
    // Signed out, or in again with another token, while the answer was on its way.
    if (this.#token !== token) return false
    if (outcome.kind !== 'answered') {
      if (count) count.textContent = ''
      this.#refused(outcome, this.#filterMessages, filterControlOf)
      return false
    }
    this.#shown = more ? [...this.#shown, ...outcome.body.reports] : outcome.body.reports
    this.#renderList(outcome.body.total)
    return true
  }

  #renderList(total: number): void {
    const t = stringsFor()
    const s = t.staff
    const list = this.querySelector<HTMLElement>('[data-report-list]')
    const count = this.querySelector<HTMLElement>('[data-list-count]')
    const empty = this.querySelector<HTMLElement>('[data-list-empty]')
    const more = this.querySelector<HTMLButtonElement>('[data-more]')
    const open = this.#detail()?.hidden === false ? this.#detail()?.dataset.code : undefined
    if (count) count.textContent = s.listCount(String(this.#shown.length), String(total))
    if (empty) empty.hidden = this.#shown.length > 0
    if (more) more.hidden = this.#shown.length >= total
    list?.replaceChildren(
      ...this.#shown.map((report) => {
        const item = document.createElement('li')
        item.dataset.code = report.trackingCode
        item.toggleAttribute('data-open-report', report.trackingCode === open)
        const head = document.createElement('div')
        head.className = 'head'
        const button = document.createElement('button')
        button.type = 'button'
        button.className = 'code'
        button.dataset.open = report.trackingCode
        button.textContent = report.trackingCode
        button.setAttribute('aria-label', `${s.openReport} ${report.trackingCode}`)
        head.append(
          button,
          badge(`priority priority-${report.priority}`, priorityText(report.priority, t)),
        )
        const late = overdueText(report.deadlines.overdue, t)
        if (late) head.append(badge('overdue', late))
        const line = document.createElement('p')
        line.className = 'line'
        line.textContent = summaryLine(report, t).join(' · ')
        item.append(head, line)
        return item
      }),
    )
  }

  async #open(code: string): Promise<void> {
    const token = this.#token
    const detail = this.#detail()
    if (!token || !detail) return
    await detail.open(code, token)
  }

  /** The CSV of the filtered list: fetched with the token, then saved from memory. */
  async #export(): Promise<void> {
    const token = this.#token
    if (!token) return
    const s = stringsFor().staff
    const status = this.querySelector<HTMLElement>('[data-export-status]')
    if (status) status.textContent = s.exporting
    const query = this.#query.toString()
    const outcome = await staffBlob(`/reports.csv${query === '' ? '' : `?${query}`}`, token)
    if (this.#token !== token) return
    if (outcome.kind !== 'answered') {
      if (status) status.textContent = ''
      this.#refused(outcome, this.#filterMessages, filterControlOf)
      return
    }
    const url = URL.createObjectURL(outcome.body)
    const link = document.createElement('a')
    link.href = url
    link.download = 'reports.csv'
    link.hidden = true
    this.append(link)
    link.click()
    link.remove()
    // The download has taken the bytes once the click's task is over.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    if (status) status.textContent = s.exported
  }

  async #loadLeads(): Promise<void> {
    const token = this.#token
    if (!token) return
    const t = stringsFor()
    const s = t.staff
    const list = this.querySelector<HTMLElement>('[data-leads]')
    const status = this.querySelector<HTMLElement>('[data-leads-status]')
    if (status) status.textContent = s.loading
    const outcome = await staffGet<{ leads: Lead[] }>('/leads', token)
    if (this.#token !== token) return
    if (outcome.kind !== 'answered') {
      if (outcome.kind === 'signed-out') this.#signOut(outcome.code)
      else if (status) status.textContent = failureMessage(outcome).text
      return
    }
    const { leads } = outcome.body
    if (status) status.textContent = leads.length === 0 ? s.leadsEmpty : ''
    list?.replaceChildren(...leads.map((lead) => leadItem(lead)))
  }

  /** Shows a refusal beside the control it names, or signs out for a refused token. */
  #refused(
    outcome: Exclude<StaffOutcome<unknown>, { kind: 'answered' }>,
    messages: FieldMessages,
    controlOf: (field: string | undefined) => string | undefined,
  ): void {
    if (outcome.kind === 'signed-out') {
      this.#signOut(outcome.code)
      return
    }
    const message = failureMessage(outcome)
    if (outcome.kind === 'refused') message.control = controlOf(outcome.field)
    messages.show([message])
  }

  #part(selector: string): HTMLElement {
    const part = this.querySelector<HTMLElement>(selector)
    if (!part) throw new Error(`the staff page has no ${selector}`)
    return part
  }

  #map(): StaffMapElement | null {
    return this.querySelector<StaffMapElement>('staff-map')
  }

  #detail(): StaffDetailElement | null {
    return this.querySelector<StaffDetailElement>('staff-detail')
  }
}

/** Why a token was refused, in words; `later` when it worked before. */
function tokenRefusal(code: TokenError | undefined, later = false): string {
  const s = stringsFor().staff
  if (code === 'STAFF_TOKEN_REVOKED') return s.tokenErrors.STAFF_TOKEN_REVOKED
  return later ? s.tokenLost : s.tokenErrors[code ?? 'STAFF_TOKEN_INVALID']
}

function failureMessage(
  outcome: Exclude<StaffOutcome<unknown>, { kind: 'answered' | 'signed-out' }>,
): StaffMessage {
  const s = stringsFor().staff
  if (outcome.kind === 'failed') {
    return { text: outcome.reason === 'network' ? s.errorNetwork : s.errorServer }
  }
  return { text: s.errorOther, detail: outcome.message }
}

function badge(className: string, text: string): HTMLElement {
  const span = document.createElement('span')
  span.className = `badge ${className}`
  span.textContent = text
  return span
}

function leadItem(lead: Lead): HTMLElement {
  const t = stringsFor()
  const s = t.staff
  const item = document.createElement('li')
  item.dataset.kind = lead.kind
  const heading = document.createElement('h3')
  heading.textContent = leadKindText(lead.kind, t)
  item.append(heading)

  const subject = document.createElement('p')
  subject.className = 'subject'
  if (lead.subject.type === 'report') {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'code'
    button.dataset.open = lead.subject.trackingCode
    button.textContent = leadSubjectText(lead, t)
    const facts = [
      categoryText(lead.subject.category, t),
      statusText(lead.subject.status, t),
      priorityText(lead.subject.priority, t),
    ]
    subject.append(button, ` ${facts.join(' · ')}`)
  } else {
    subject.textContent = leadSubjectText(lead, t)
  }
  item.append(subject)

  const place = [
    lead.unit?.name ?? undefined,
    lead.district?.name ?? undefined,
    lead.zone ? layerTitle(lead.zone, t) : undefined,
  ].filter((part): part is string => Boolean(part))
  if (place.length > 0) item.append(textLine('p', 'place', place.join(' · ')))
  const written = leadBasisText(lead, t)
  const basis = textLine('p', 'basis', written ?? lead.basis)
  if (written === undefined) basis.lang = 'en'
  item.append(basis)

  if (lead.rules.length === 0) {
    item.append(textLine('p', 'rules-none', s.leadNoRules))
    return item
  }
  const rules = document.createElement('ul')
  rules.className = 'rules'
  rules.setAttribute('aria-label', s.leadRules)
  for (const rule of lead.rules) {
    const entry = document.createElement('li')
    entry.dataset.rule = rule.code
    const effect = isTerm(EFFECTS, rule.effect) ? t.effect[rule.effect] : rule.effect
    const name = document.createElement('strong')
    name.textContent = s.leadRule(rule.code, effect)
    entry.append(name, ` ${rule.text_zh}`)
    if (rule.legal_basis)
      entry.append(textLine('span', 'legal', s.leadLegalBasis(rule.legal_basis)))
    rules.append(entry)
  }
  item.append(rules)
  return item
}

function textLine(tag: 'p' | 'span', className: string, text: string): HTMLElement {
  const element = document.createElement(tag)
  element.className = className
  element.textContent = text
  return element
}
