import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from '../../../server/config.ts'
import { loadDatasetFolder } from '../../../server/data/sample-loader.ts'
import { migrate } from '../../../server/db/migrate.ts'
import { openDatabase } from '../../../server/db/open-database.ts'
import { createScratchDatabase, type Backend } from '../../support/services.ts'
import { FIXTURE_DATASET } from '../../support/test-server.ts'

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs a script of scripts/ as an operator does, with the settings of `env` over a clean slate
 * for the database and cache settings.
 */
export function runScript(script: string, args: string[], env: Record<string, string>) {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn('npx', ['tsx', `scripts/${script}`, ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: '',
        REDIS_URL: '',
        REDIS_PREFIX: '',
        ...env,
      },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export const lines = (text: string) => text.split('\n').filter((line) => line !== '')

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
