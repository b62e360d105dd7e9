import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { FeatureCollection } from 'geojson'
import type { Database, Queryable } from '../db/database.ts'
import { toFeatureRows } from '../import/feature-rows.ts'
import { replaceLayer, type LayerImportResult } from '../import/layer-import.ts'
import { readLayers } from '../tiles/layer-catalog.ts'
import { writeDatasetInfo, type DatasetInfo } from './dataset-info.ts'
import { loadIndustries, loadRules } from './access-list-loader.ts'

export const SAMPLE_DIR = path.resolve(import.meta.dirname, '../../data/sample')

/** Whether no layer has been loaded yet: a new database. */
export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ loaded: number }>(
    'SELECT count(*)::integer AS loaded FROM layers WHERE data_version > 0',
  )
  return (row?.loaded ?? 0) === 0
}

export interface SampleLoadResult {
  layers: LayerImportResult[]
  industries: number
  rules: number
}

/**
 * Loads a dataset folder (the illustrative Hengyang sample by default): manifest.json,
 * industries.json, rules.json and a GeoJSON file per catalogue layer (a layer without a file
 * stays as it is). Everything goes in one transaction, so a failure leaves the database as it was.
 */
export async function loadDatasetFolder(db: Database, dir = SAMPLE_DIR): Promise<SampleLoadResult> {
  const manifest = await readJson<DatasetInfo>(dir, 'manifest.json')
  const industries = await readJson<unknown[]>(dir, 'industries.json')
  const rules = await readJson<unknown[]>(dir, 'rules.json')
  const layers = await readLayers(db)
  const collections = await Promise.all(
    layers.map((layer) => readOptionalJson<FeatureCollection>(dir, `${layer.name}.geojson`)),
  )

  return db.transaction(async (tx) => {
    await writeDatasetInfo(tx, manifest)
    const industryCount = await loadIndustries(tx, industries, 'industries.json')

    const results: LayerImportResult[] = []
    for (const [i, layer] of layers.entries()) {
      const collection = collections[i]
      if (!collection) continue
      const file = `${layer.name}.geojson`
      const rows = toFeatureRows(layer, collection.features, file)
      results.push(await replaceLayer(tx, layer, rows, `${manifest.name} (${file})`))
    }

    const ruleCount = await loadRules(tx, rules, 'rules.json')
    return { layers: results, industries: industryCount, rules: ruleCount }
  })
}

async function readJson<T>(dir: string, file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T
}

async function readOptionalJson<T>(dir: string, file: string): Promise<T | undefined> {
  try {
    return await readJson<T>(dir, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
