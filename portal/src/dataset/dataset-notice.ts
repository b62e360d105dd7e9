import { stringsFor } from '../i18n/index.ts'
import type { DatasetInfo } from '../lookup/lookup-types.ts'

let reading: Promise<DatasetInfo | undefined> | undefined

/**
 * Reads `GET /api/dataset` once per page, for every part of it that shows the dataset; undefined
 * when it cannot be fetched or is not a manifest.
 */
export function fetchDataset(): Promise<DatasetInfo | undefined> {
  reading ??= readDataset()
  return reading
}

async function readDataset(): Promise<DatasetInfo | undefined> {
  try {
    const response = await fetch('/api/dataset', { headers: { accept: 'application/json' } })
    if (!response.ok) return undefined

    const body: unknown = await response.json()
    return isDataset(body) ? body : undefined
  } catch {
    return undefined
  }
}

/**
 * The dataset's notice in the page's language, or in the other one when it gave only that: a
 * notice such as "the approved documents prevail" matters more than the language it is in.
 * Empty when it gave none.
 */
export function datasetNotice(dataset: DatasetInfo, lang: string): string {
  const [own, other] =
    lang === 'en' ? [dataset.notice_en, dataset.notice_zh] : [dataset.notice_zh, dataset.notice_en]
  return own || other || ''
}

/**
 * Shows the dataset's notice in every `[data-dataset-notice]` element: always for the sample,
 * for other data when the operator gave one, and fills `[data-dataset-version]`.
 */
export async function refreshDatasetNotice(): Promise<void> {
  const dataset = await fetchDataset()
  if (!dataset) return

  const t = stringsFor()
  const text = datasetNotice(dataset, t.lang)
  for (const notice of document.querySelectorAll<HTMLElement>('[data-dataset-notice]')) {
    notice.hidden = !dataset.illustrative && !text
    if (text) notice.textContent = text
  }
  for (const version of document.querySelectorAll<HTMLElement>('[data-dataset-version]')) {
    version.hidden = dataset.version === undefined
    version.textContent =
      dataset.version === undefined ? '' : t.dataset.version(String(dataset.version))
  }
}

function isDataset(body: unknown): body is DatasetInfo {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { illustrative?: unknown }).illustrative === 'boolean'
  )
}
