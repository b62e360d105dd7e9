import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The real PostgreSQL with PostGIS to test against, when one is configured. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined
/** The real Redis to test against, when one is configured. */
export const REDIS_URL = process.env.TEST_REDIS_URL || process.env.REDIS_URL || undefined

export const POSTGRES_SKIP_REASON =
  'skipped: no real PostgreSQL; set TEST_DATABASE_URL or DATABASE_URL to run it'
export const REDIS_SKIP_REASON = 'skipped: no real Redis; set TEST_REDIS_URL or REDIS_URL to run it'

export interface Backend {
  name: 'embedded' | 'postgres'
  /** The suite title, which says why a suite is skipped. */
  title: string
  skip: boolean
}

/** The database back ends every database suite runs on: embedded always, PostgreSQL if set. */
export const BACKENDS: Backend[] = [
  { name: 'embedded', title: 'on embedded PGlite', skip: false },
  {
    name: 'postgres',
    title: POSTGRES_URL ? 'on PostgreSQL' : `on PostgreSQL (${POSTGRES_SKIP_REASON})`,
    skip: !POSTGRES_URL,
  },
]

/**
 * Creates an empty database beside the configured one, so suites never touch each other's data
 * or the configured database itself. `drop` removes it.
 */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!POSTGRES_URL) throw new Error(POSTGRES_SKIP_REASON)
  const name = `ecozoning_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
  await admin.end()

  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
      await client.end()
    },
  }
}
