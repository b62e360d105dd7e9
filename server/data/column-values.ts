import pg from 'pg'
import type { Queryable } from '../db/database.ts'

/**
 * The values a text column may take when a CHECK constraint lists them (`level IN ('level1',
 * 'level2', 'quasi')`), or undefined when none does. Read from the database, so the list is
 * the one the table enforces.
 */
export async function allowedValues(
  db: Queryable,
  table: string,
  column: string,
): Promise<string[] | undefined> {
  const rows = await db.query<{ definition: string }>(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype = 'c'`,
    [pg.escapeIdentifier(table)],
  )
  // PostgreSQL writes `col IN (…)` back as `(col = ANY (ARRAY['a'::text, 'b'::text]))`.
  const listing = new RegExp(`\\(${escapeRegExp(column)}\\)?\\s*=\\s*ANY\\s*\\(ARRAY\\[`)
  for (const { definition } of rows) {
    if (!listing.test(definition)) continue
    return [...definition.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1]!.replace(/''/g, "'"))
  }
  return undefined
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
