import { readDatasetInfo, type DatasetInfo } from '../data/dataset-info.ts'
import type { Queryable } from '../db/database.ts'

/** Which data a check read: enough to tell later whether the zoning has changed since. */
export interface DataVersions {
  dataset: DatasetInfo
  /** Each layer's data version, which every import of the layer raises. */
  layers: Record<string, number>
  /**
   * The access list has no version of its own: its rule count and the sha256 (hex) of its rules
   * as JSON rows in code order, so a changed list shows as a changed digest.
   */
  accessList: { rules: number; sha256: string }
}

/** Reads the versions of everything a check uses; run it in the check's snapshot. */
export async function readDataVersions(db: Queryable): Promise<DataVersions> {
  const [dataset, layers, [accessList]] = await Promise.all([
    readDatasetInfo(db),
    db.query<{ name: string; data_version: number }>(
      'SELECT name, data_version FROM layers ORDER BY sort_order, name',
    ),
    // Kept up to date by a trigger on the rules (sql/007_access_list_digest.sql).
    db.query<{ rules: number; sha256: string }>('SELECT rules, sha256 FROM access_list_digest'),
  ])
  return {
    dataset,
    layers: Object.fromEntries(layers.map((layer) => [layer.name, layer.data_version])),
    accessList: accessList!,
  }
}
