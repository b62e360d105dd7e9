import pg from 'pg'
import type { StopCleanup } from '../../server/ops/stop-cleanup.ts'

/** A database made for one run on a PostgreSQL server, dropped by `drop`. */
export interface ScratchDatabase {
  /** postgres:// URL of the new database. */
  url: string
  name: string
  /** Drops the database, ending any connection left open to it. */
  drop(): Promise<void>
}

/**
 * Creates an empty database beside the one `serverUrl` names, with the PostGIS extension
 * installed. The role needs CREATEDB and the right to create PostGIS. `label` becomes part of
 * the name, with the process id, so runs side by side do not collide. `cleanups`, when given, is
 * handed the drop as soon as the database exists.
 */
export async function createScratchDatabase(
  serverUrl: string,
  label: string,
  cleanups?: StopCleanup,
): Promise<ScratchDatabase> {
  const name = `ecozoning_${label}_${process.pid}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
  } finally {
    await admin.end()
  }

  const url = withDatabase(serverUrl, name)
  const drop = async () => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
    } finally {
      await client.end()
    }
  }
  cleanups?.add(drop)

  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis')
  } catch (error) {
    await client.end().catch(() => {})
    await drop()
    throw error
  }
  await client.end()
  return { url, name, drop }
}

/** The same server, user and options, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${encodeURIComponent(database)}`
  return parsed.toString()
}
