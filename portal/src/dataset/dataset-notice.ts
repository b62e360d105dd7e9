import { stringsFor } from '../i18n/index.ts'
import type { DatasetInfo } from '../lookup/lookup-types.ts'

/** Reads `GET /api/dataset`; undefined when it cannot be fetched or is not a manifest. */
export async function fetchDataset(): Promise<DatasetInfo | undefined> {
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
 * Shows the manifest's notice in every `[data-dataset-notice]` element while the dataset is
 * illustrative, hides it once it is not, and fills `[data-dataset-version]`.
 */
export async function refreshDatasetNotice(): Promise<void> {
  const dataset = await fetchDataset()
  if (!dataset) return

  const t = stringsFor()
  // The manifest says its notice in both languages; the page's own language is shown.
  const text = t.lang === 'en' ? dataset.notice_en : dataset.notice_zh
  for (const notice of document.querySelectorAll<HTMLElement>('[data-dataset-notice]')) {
    notice.hidden = !dataset.illustrative
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
