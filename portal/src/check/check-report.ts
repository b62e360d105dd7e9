import { markChineseData } from '../i18n/data-language.ts'
import {
  failedMessage,
  settleState,
  showMessage,
  startLoading,
} from '../components/answer-state.ts'
import { stringsFor, type Strings } from '../i18n/index.ts'
import type { Section } from '../i18n/strings.ts'
import type { SiteMapElement } from '../map/site-map.ts'
import { checkIdFrom, fetchCheck, reportPath, type CheckOutcome } from './check-client.ts'
import { fillField, renderCheck } from './check-render.ts'
import type { CheckAnswer } from './check-types.ts'

/**
 * `<check-report>`: reads the check id from the address (`?id=…`), fetches the stored answer and
 * fills the report from the `<template data-template>` elements and `[data-field]` slots it
 * holds. Every value from the answer goes in as text. `data-state` tells where it got to:
 * loading, found, missing, invalid, not-found or failed.
 */
export class CheckReportElement extends HTMLElement {
  connectedCallback(): void {
    startLoading(this)
    void this.#load()
  }

  async #load(): Promise<void> {
    const t = stringsFor()
    const outcome = await fetchCheck(checkIdFrom(window.location.search))
    settleState(this, outcome.kind)

    if (outcome.kind === 'found') this.#report(outcome.answer, t)
    else showMessage(this, messageOf(outcome, t))
  }

  #report(answer: CheckAnswer, t: Strings): void {
    const url = new URL(reportPath(answer.id), window.location.origin).href
    document.title = `${t.check.pageTitle} ${answer.id} · ${t.siteName}`

    renderCheck(this, answer, t)
    markChineseData(this)
    fillField(this, 'report-footer', t.check.printFooter(url, answer.id))
    addPageFooter(t.check.printFooter(url, answer.id))

    for (const hidden of this.querySelectorAll<HTMLElement>('[data-report], [data-print]')) {
      hidden.hidden = false
    }
    this.querySelector('[data-print] button')?.addEventListener('click', () => window.print())
    void this.#map(answer)
  }

  async #map(answer: CheckAnswer): Promise<void> {
    await customElements.whenDefined('site-map')
    const map = this.querySelector<SiteMapElement>('site-map')
    const layers = [...answer.zones, ...answer.nearby.zones].map((zone) => zone.layer)
    map?.show({ site: answer.site.geometry, bbox: answer.site.bbox, layers })
  }
}

function messageOf(outcome: Exclude<CheckOutcome, { kind: 'found' }>, t: Strings): Section {
  switch (outcome.kind) {
    case 'missing':
      return t.check.missing
    case 'invalid':
      return t.check.invalid(outcome.id)
    case 'not-found':
      return t.check.notFound(outcome.id)
    case 'failed':
      return failedMessage(outcome.reason, t.check)
  }
}

/**
 * Puts the report's address and id at the foot of every printed page, with the page number,
 * through the page's margin boxes. The text is written as a CSS string, escaped, never parsed
 * as markup.
 */
function addPageFooter(text: string): void {
  const style = document.createElement('style')
  style.dataset.pageFooter = ''
  style.textContent =
    '@page { ' +
    `@bottom-left { content: ${cssString(text)}; ${marginBoxLook} } ` +
    `@bottom-right { content: counter(page) " / " counter(pages); ${marginBoxLook} } }`
  document.head.append(style)
}

/** The margin boxes lie outside the document, so they inherit none of its fonts or colours. */
const marginBoxLook = 'font: 8pt sans-serif; color: #57606a;'

function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`
}
