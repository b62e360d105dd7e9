import { reportPath } from '../check/check-client.ts'
import { cloneTemplate, renderCheck } from '../check/check-render.ts'
import type { CheckAnswer } from '../check/check-types.ts'
import { localePath, stringsFor } from '../i18n/index.ts'

/**
 * `<precheck-result>`: shows a check's answer with the report's own sections, filled into a
 * fresh copy of its `precheck-answer` template each time, and links to the printable report.
 * Hidden until the first answer.
 */
export class PrecheckResultElement extends HTMLElement {
  /** Shows the answer, replacing any earlier one, and moves the focus to its heading. */
  show(answer: CheckAnswer): void {
    const body = this.querySelector<HTMLElement>('[data-answer]')
    const link = this.querySelector<HTMLAnchorElement>('[data-report-link]')
    if (!body || !link) return

    const copy = document.createElement('div')
    copy.append(cloneTemplate(this, 'precheck-answer'))
    renderCheck(copy, answer, stringsFor())
    body.replaceChildren(...copy.childNodes)

    link.href = localePath(reportPath(answer.id))
    this.dataset.checkId = answer.id
    this.hidden = false
    // The answer opens at its heading, with the verdict below it rather than out of sight.
    const heading = this.querySelector<HTMLElement>('[data-result-heading]')
    heading?.focus({ preventScroll: true })
    heading?.scrollIntoView({ block: 'start' })
  }

  /** Hides the answer, as one that no longer matches the form. */
  clear(): void {
    this.hidden = true
    delete this.dataset.checkId
    this.querySelector('[data-answer]')?.replaceChildren()
  }
}
