import pg from 'pg'
import type { Database } from '../db/database.ts'
import type { Layer } from '../tiles/layer-catalog.ts'
import type { FeatureRow } from './feature-rows.ts'
import { ImportError } from './import-error.ts'

/** The fields PostgreSQL (and PGlite) errors carry that say what a statement broke. */
interface DatabaseErrorFields {
  code?: string
  constraint?: string
  column?: string
  detail?: string
  message: string
}

const SQL_TYPE = { text: 'text', integer: 'integer', number: 'double precision' } as const

/**
 * Whether an error is PostgreSQL refusing data (classes 22, data exception, and 23, integrity
 * constraint violation) rather than failing to run.
 */
export function isDataRefusal(error: unknown): error is DatabaseErrorFields {
  const code = (error as DatabaseErrorFields | undefined)?.code
  return typeof code === 'string' && /^2[23]/.test(code)
}

/**
 * Finds the first feature whose attributes the layer's table refuses, and why: the constraints
 * of the table (allowed values, formats, uniqueness) apply to whole statements, so PostgreSQL
 * does not say which feature broke them. Each row is tried alone in a scratch copy of the table,
 * inside a transaction that leaves the database as it was. Returns an ImportError with the
 * feature and field, or undefined when every row goes in alone.
 */
export async function findRefusedFeature(
  db: Database,
  layer: Layer,
  rows: FeatureRow[],
  file: string,
): Promise<ImportError | undefined> {
  const target = pg.escapeIdentifier(layer.tableName)
  const probe = pg.escapeIdentifier(`probe_${layer.tableName}`)
  const columns = layer.attributes.map((a) => pg.escapeIdentifier(a.name)).join(', ')
  const values = layer.attributes.map((a, i) => `$${i + 1}::${SQL_TYPE[a.type]}`).join(', ')

  const refusal = await db.transaction(async (tx) => {
    await tx.query(
      `CREATE TEMP TABLE ${probe}
         (LIKE ${target} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)
         ON COMMIT DROP`,
    )
    // The import fills geometry and recomputes optional columns such as area itself.
    const optional = ['geom', ...layer.attributes.filter((a) => !a.required).map((a) => a.name)]
    for (const name of optional) {
      await tx.query(`ALTER TABLE ${probe} ALTER COLUMN ${pg.escapeIdentifier(name)} DROP NOT NULL`)
    }

    for (const [i, row] of rows.entries()) {
      await tx.query('SAVEPOINT probe_row')
      try {
        await tx.query(
          `INSERT INTO ${probe} (${columns}) VALUES (${values})`,
          layer.attributes.map((a) => row.values[a.name] ?? null),
        )
      } catch (error) {
        if (!isDataRefusal(error)) throw error
        await tx.query('ROLLBACK TO SAVEPOINT probe_row')
        return { index: i, error }
      }
      await tx.query('RELEASE SAVEPOINT probe_row')
    }
    return undefined
  })
  if (!refusal) return undefined

  const { index, error } = refusal
  const row = rows[index]!
  const where = (field: string | undefined) => ({ file, feature: row.number, field })
  const shown = (field: string) => JSON.stringify(row.values[field])

  if (error.code === '23514' && error.constraint) {
    const definition = await checkDefinition(db, layer.tableName, error.constraint)
    const field = layer.attributes.find((a) => new RegExp(`\\b${a.name}\\b`).test(definition))
    if (field) {
      const allowed = [...definition.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1])
      const rule = definition.includes('ANY (ARRAY[')
        ? `the column takes ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`
        : `the table requires ${definition}`
      const message = `The value ${shown(field.name)} is not allowed: ${rule}.`
      return new ImportError(message, where(field.name))
    }
  }
  if (error.code === '23505') {
    const column = /^Key \(([^)]+)\)=/.exec(error.detail ?? '')?.[1]
    const field = layer.attributes.find((a) => a.name === column)
    if (field) {
      const value = row.values[field.name]
      const earlier = rows.find((r) => r.values[field.name] === value)!.number
      const message =
        `The value ${shown(field.name)} is already taken by feature ${earlier}; ` +
        'each feature needs its own.'
      return new ImportError(message, where(field.name))
    }
  }
  if (error.code === '23502' && error.column) {
    return new ImportError('The table requires a value here.', where(error.column))
  }
  return new ImportError(`The database refused the feature: ${error.message}.`, where(undefined))
}

async function checkDefinition(db: Database, table: string, constraint: string): Promise<string> {
  const [row] = await db.query<{ definition: string }>(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = $1::regclass AND conname = $2`,
    [pg.escapeIdentifier(table), constraint],
  )
  return row?.definition ?? ''
}
