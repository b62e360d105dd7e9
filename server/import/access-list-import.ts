import { loadIndustries, loadRules } from '../data/access-list-loader.ts'
import type { Database, Queryable } from '../db/database.ts'
import { ImportError, type ImportPlace } from './import-error.ts'
import { readJsonFile } from './json-file.ts'

export const ACCESS_LISTS = ['rules', 'industries'] as const
export type AccessList = (typeof ACCESS_LISTS)[number]

export interface AccessListImportResult {
  list: AccessList
  loaded: number
  /** After an industry import: the rules kept, and the codes of those dropped. */
  rulesKept?: number
  rulesDropped?: string[]
}

/**
 * Replaces the access list (`rules`) or the industry catalogue (`industries`) with the JSON
 * array in `file`, in one transaction, with the checks of access-list-loader. Replacing the
 * industries keeps every rule whose industries are all still catalogued and drops the others,
 * which the result lists. Throws an ImportError naming the file and item on a bad file.
 */
export async function importAccessList(
  db: Database,
  list: AccessList,
  file: string,
  hooks: { beforeCommit?: () => void } = {},
): Promise<AccessListImportResult> {
  const items = await readJsonArray(file, list === 'rules' ? 'rule' : 'industry')

  return db.transaction(async (tx) => {
    const result = await replaceList(tx, list, items, file)
    hooks.beforeCommit?.()
    return result
  })
}

async function replaceList(
  tx: Queryable,
  list: AccessList,
  items: unknown[],
  file: string,
): Promise<AccessListImportResult> {
  if (list === 'rules') return { list, loaded: await loadRules(tx, items, file) }

  const previous = await readRules(tx)
  const loaded = await loadIndustries(tx, items, file)
  const codes = new Set(items.map((item) => (item as { code: string }).code))
  const kept = previous.filter((rule) => rule.industries.every((code) => codes.has(code)))
  await loadRules(tx, kept, 'the rules already loaded')
  const rulesDropped = previous.filter((rule) => !kept.includes(rule)).map((rule) => rule.code)
  return { list, loaded, rulesKept: kept.length, rulesDropped }
}

async function readJsonArray(file: string, item: ImportPlace['item']): Promise<unknown[]> {
  const json = await readJsonFile(file, item)
  if (!Array.isArray(json)) throw new ImportError('Expected a JSON array.', { file })
  if (json.length === 0) throw new ImportError('The file holds no items.', { file })
  return json
}

interface RuleItem {
  code: string
  industries: string[]
}

/** The loaded rules in the form the loader takes, so they can go back in unchanged. */
async function readRules(tx: Queryable): Promise<RuleItem[]> {
  return tx.query<RuleItem>(
    `SELECT code, unit_code, unit_class, layer, layer_filter, within_m, dimension, effect,
            industries, project_kinds, text_zh, legal_basis
       FROM rules ORDER BY id`,
  )
}
