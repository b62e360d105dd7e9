import type { Strings } from '../i18n/index.ts'
import type { ReportView } from './report-client.ts'
import { formatReportTime, reportFacts, statusMeaning, statusText } from './report-format.ts'

/** Fills a `<dl>` with a report's status, category, unit, district, times and deadlines. */
export function renderFacts(list: HTMLElement, view: ReportView, t: Strings): void {
  list.replaceChildren(
    ...reportFacts(view, t).flatMap((fact) => {
      const term = document.createElement('dt')
      const value = document.createElement('dd')
      term.textContent = fact.term
      value.textContent = fact.value
      value.dataset.field = fact.key
      if (fact.key === 'status') {
        const meaning = statusMeaning(view.status, t)
        if (meaning) value.append(line('meaning', meaning))
      }
      return [term, value]
    }),
  )
}

/** Fills an `<ol>` with a report's history, oldest first, each status with its time. */
export function renderHistory(list: HTMLElement, view: ReportView, t: Strings): void {
  list.replaceChildren(
    ...view.history.map((event) => {
      const item = document.createElement('li')
      item.dataset.status = event.status
      const time = document.createElement('time')
      time.dateTime = event.at
      time.textContent = formatReportTime(event.at, t)
      const status = document.createElement('strong')
      status.textContent = statusText(event.status, t)
      item.append(time, ' ', status)
      if (event.referredTo)
        item.append(line('referred', t.reportTrack.historyReferred(event.referredTo)))
      return item
    }),
  )
}

function line(name: string, text: string): HTMLElement {
  const span = document.createElement('span')
  span.className = name
  span.textContent = text
  return span
}
