import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Database } from './database.ts'

export const SQL_DIR = path.resolve(import.meta.dirname, '../../sql')

/**
 * Applies the versioned SQL files of `sqlDir` (named NNN_description.sql) that the database has
 * not seen yet, each in its own transaction, in order. Safe to run at every start.
 * Returns the versions applied by this call.
 */
export async function migrate(db: Database, sqlDir = SQL_DIR): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`)
  const done = new Set(
    (await db.query<{ version: string }>('SELECT version FROM schema_migrations')).map(
      (row) => row.version,
    ),
  )

  const files = (await readdir(sqlDir)).filter((name) => /^\d{3}_.+\.sql$/.test(name)).sort()
  const applied: string[] = []
  for (const file of files) {
    const version = file.slice(0, 3)
    if (done.has(version)) continue

    const sql = await readFile(path.join(sqlDir, file), 'utf8')
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(sql)) await tx.query(statement)
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version])
    })
    applied.push(version)
  }
  return applied
}

/**
 * Splits migration text into statements at semicolons outside quotes, dollar-quoted bodies
 * (`$$ … $$`, `$tag$ … $tag$`, as function bodies are written) and comments.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = []
  let current = ''
  let quote: string | undefined
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i]!
    if (!quote && char === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      i = end === -1 ? sql.length : end
      current += '\n'
      continue
    }
    if (quote) {
      if (sql.startsWith(quote, i)) {
        current += quote
        i += quote.length - 1
        quote = undefined
        continue
      }
    } else if (char === "'" || char === '"') {
      quote = char
    } else if (char === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0]
      if (tag) {
        current += tag
        i += tag.length - 1
        quote = tag
        continue
      }
    } else if (char === ';') {
      if (current.trim()) statements.push(current.trim())
      current = ''
      continue
    }
    current += char
  }
  if (current.trim()) statements.push(current.trim())
  return statements
}
