import type { Queryable } from '../db/database.ts'
import { CATALOG_CHANGED, DATASET_CHANGED } from '../tiles/catalog-changes.ts'

/** What the loaded dataset says of itself: name, version, and whether it is illustrative. */
export interface DatasetInfo {
  name: string
  name_en: string
  illustrative: boolean
  notice_zh: string
  notice_en: string
  version: string
  boundary_source?: string
  datum_note?: string
}

/** What a database without a loaded dataset says. */
export const NO_DATASET: DatasetInfo = {
  name: '未加载数据',
  name_en: 'No dataset loaded',
  illustrative: false,
  notice_zh: '',
  notice_en: '',
  version: 'none',
}

export async function readDatasetInfo(db: Queryable): Promise<DatasetInfo> {
  return (await readStoredDatasetInfo(db)) ?? NO_DATASET
}

/** The stored description; undefined when none has been loaded. */
export async function readStoredDatasetInfo(db: Queryable): Promise<DatasetInfo | undefined> {
  const [row] = await db.query<{ value: DatasetInfo }>(
    "SELECT value FROM dataset_info WHERE key = 'manifest'",
  )
  return row?.value
}

/**
 * Stores the description and announces it to running servers, which credit it in TileJSON and
 * `/api/dataset` once the transaction `db` is in commits.
 */
export async function writeDatasetInfo(db: Queryable, info: DatasetInfo) {
  await db.query(
    `INSERT INTO dataset_info (key, value) VALUES ('manifest', $1::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [JSON.stringify(info)],
  )
  await db.query('SELECT pg_notify($1, $2)', [CATALOG_CHANGED, DATASET_CHANGED])
}

/** Plain text for TileJSON's attribution, which many clients render as HTML. */
export function attributionText(info: DatasetInfo): string {
  const text = info.illustrative ? `${info.name}（示例数据 · illustrative）` : info.name
  return text.replace(/[<>&"]/g, '')
}
