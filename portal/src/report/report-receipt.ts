import { localePath, stringsFor } from '../i18n/index.ts'
import { trackHref, type ReportView } from './report-client.ts'
import { formatReportTime } from './report-format.ts'
import { renderFacts } from './report-render.ts'

/**
 * `<report-receipt>`: what a filed report's answer says: the tracking code, large, with a copy
 * button; the report's facts; what comes next and by when; and the lookup page's link with the
 * code filled in. The code is kept nowhere else, which the receipt says.
 */
export class ReportReceiptElement extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('[data-copy]')?.addEventListener('click', () => void this.#copy())
  }

  show(view: ReportView): void {
    const t = stringsFor()
    const r = t.reportReceipt
    this.dataset.trackingCode = view.trackingCode
    const code = this.querySelector<HTMLElement>('[data-code]')
    if (code) code.textContent = view.trackingCode

    const facts = this.querySelector<HTMLElement>('[data-facts]')
    if (facts) renderFacts(facts, view, t)

    const accept = this.querySelector<HTMLElement>('[data-next-accept]')
    if (accept) accept.textContent = r.nextAccept(formatReportTime(view.deadlines.acceptBy, t))
    const close = this.querySelector<HTMLElement>('[data-next-close]')
    if (close) {
      close.textContent = view.deadlines.closeBy
        ? r.nextCloseBy(formatReportTime(view.deadlines.closeBy, t))
        : r.nextClose
    }
    const track = localePath(trackHref(view.trackingCode))
    for (const link of this.querySelectorAll<HTMLAnchorElement>('[data-track-link]')) {
      link.href = track
    }
    // The report's own address from now on: reloading the page, bookmarking it or switching
    // its language shows this report's status instead of an empty form without the code.
    history.replaceState(history.state, '', track)

    this.hidden = false
    const heading = this.querySelector<HTMLElement>('[data-receipt-heading]')
    heading?.scrollIntoView({ block: 'start' })
    heading?.focus()
  }

  async #copy(): Promise<void> {
    const r = stringsFor().reportReceipt
    const code = this.dataset.trackingCode ?? ''
    const status = this.querySelector<HTMLElement>('[data-copy-status]')
    try {
      await navigator.clipboard.writeText(code)
      if (status) status.textContent = r.copied
    } catch {
      // Without clipboard access the code is selected, for the keyboard or the context menu.
      const shown = this.querySelector<HTMLElement>('[data-code]')
      if (shown) window.getSelection()?.selectAllChildren(shown)
      if (status) status.textContent = r.copyFailed
    }
  }
}
