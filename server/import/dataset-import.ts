import { readStoredDatasetInfo, writeDatasetInfo, type DatasetInfo } from '../data/dataset-info.ts'
import type { Database } from '../db/database.ts'
import { readDatasetDescription } from './dataset-description.ts'
import { readJsonFile } from './json-file.ts'

export interface DatasetImportResult {
  dataset: DatasetInfo
  /** The description it replaced; undefined when none was loaded. */
  replaced: DatasetInfo | undefined
}

/**
 * Replaces the dataset's description (its name, version and notices, which every TileJSON
 * credits and `/api/dataset` and the portal show) with the JSON object in `file`, checked by
 * readDatasetDescription, in one transaction. Throws an ImportError naming the file and field
 * on a bad file, and then nothing has changed.
 */
export async function importDatasetDescription(
  db: Database,
  file: string,
  hooks: { beforeCommit?: () => void } = {},
): Promise<DatasetImportResult> {
  const dataset = readDatasetDescription(await readJsonFile(file), file)

  return db.transaction(async (tx) => {
    const replaced = await readStoredDatasetInfo(tx)
    await writeDatasetInfo(tx, dataset)
    hooks.beforeCommit?.()
    return { dataset, replaced }
  })
}
