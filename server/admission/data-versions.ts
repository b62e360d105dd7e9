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
    db.query<{ rules: number; sha256: string }>(
      `SELECT count(*)::integer AS rules,
              encode(sha256(convert_to(
                coalesce(string_agg(row_to_json(r)::text, E'\\n' ORDER BY r.code), ''), 'UTF8'
              )), 'hex') AS sha256
         FROM (SELECT code, unit_code, unit_class, layer, layer_filter, within_m, dimension,
                      effect, industries, project_kinds, text_zh, legal_basis
                 FROM rules) r`,
    ),
  ])
  return {
    dataset,
    layers: Object.fromEntries(layers.map((layer) => [layer.name, layer.data_version])),
    accessList: accessList!,
  }
}
