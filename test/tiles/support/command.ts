import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadDatasetFolder } from '../../../server/data/sample-loader.ts'
import { migrate } from '../../../server/db/migrate.ts'
import { openDatabase } from '../../../server/db/open-database.ts'
import { runProgram } from '../../support/run-program.ts'
import { createScratchDatabase, type Backend } from '../../support/services.ts'
import { FIXTURE_DATASET } from '../../support/test-server.ts'

export { lines } from '../../support/run-program.ts'

/** Runs a script of scripts/ as an operator does (see runProgram). */
export function runScript(script: string, args: string[], env: Record<string, string>) {
  return runProgram(`scripts/${script}`, args, env)
}

export interface FixtureDatabase {
  /** DATABASE_URL or DATA_DIR, as a command takes them. */
  env: Record<string, string>
  /** The same database, as startServer takes it. */
  start: { databaseUrl?: string; dataDir?: string }
  /** A scratch folder for files the test writes. */
  tmp: string
  drop(): Promise<void>
}

/**
 * A database of the back end holding the test fixture: a scratch PostgreSQL database, or an
 * embedded one in a scratch folder, closed so that a command can take it.
 */
export async function fixtureDatabase(backend: Backend): Promise<FixtureDatabase> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-pyramid-'))
  const scratch = backend.name === 'postgres' ? await createScratchDatabase() : undefined
  const dataDir = scratch ? undefined : path.join(tmp, 'pglite')

  const db = await openDatabase({ url: scratch?.url, dataDir })
  try {
    await migrate(db)
    await loadDatasetFolder(db, FIXTURE_DATASET)
  } finally {
    await db.close()
  }

  return {
    env: scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: dataDir! },
    start: scratch ? { databaseUrl: scratch.url } : { dataDir },
    tmp,
    async drop() {
      await scratch?.drop()
      await rm(tmp, { recursive: true, force: true })
    },
  }
}
