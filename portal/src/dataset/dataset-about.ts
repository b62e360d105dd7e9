import { stringsFor } from '../i18n/index.ts'
import type { DatasetInfo } from '../lookup/lookup-types.ts'
import { datasetNotice, fetchDataset } from './dataset-notice.ts'

/**
 * Fills the About page's sources with what the served dataset says of itself: its name and
 * version, where its boundaries come from, its datum note and its notice. The sample's own text
 * stays while the sample is served, and also when the dataset cannot be read: the page then
 * over-warns rather than present sample data as official.
 */
export async function showDatasetSource(section: HTMLElement): Promise<void> {
  const dataset = await fetchDataset()
  if (dataset && !dataset.illustrative) describeDataset(section, dataset)
}

/** Replaces the sample's text in `section` with the description of `dataset`. */
export function describeDataset(section: HTMLElement, dataset: DatasetInfo): void {
  const t = stringsFor()
  const name = (t.lang === 'en' && dataset.name_en) || dataset.name || ''
  const shows = section.querySelector<HTMLElement>('[data-field="shows"]')
  if (shows) shows.textContent = t.dataset.shows(name, String(dataset.version ?? ''))
  fillRow(section, 'boundary_source', dataset.boundary_source)
  fillRow(section, 'datum_note', dataset.datum_note)

  const notice = datasetNotice(dataset, t.lang)
  const callout = section.querySelector<HTMLElement>('[data-about-notice]')
  if (callout) {
    callout.hidden = !notice
    callout.querySelector('.callout')?.setAttribute('aria-label', t.dataset.noticeHeading)
    const heading = callout.querySelector('.heading')
    if (heading) heading.textContent = t.dataset.noticeHeading
    const text = callout.querySelector('[data-field="notice"]')
    if (text) text.textContent = notice
  }

  section.querySelector<HTMLElement>('[data-about-sample]')?.setAttribute('hidden', '')
  section.querySelector<HTMLElement>('[data-about-dataset]')?.removeAttribute('hidden')
}

/** Shows a row of the description with its text, or hides it when the dataset gave none. */
function fillRow(section: HTMLElement, row: string, text: string | undefined): void {
  const element = section.querySelector<HTMLElement>(`[data-row="${row}"]`)
  if (!element) return
  element.hidden = !text
  const value = element.querySelector('dd')
  if (value) value.textContent = text ?? ''
}
