import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POSTGRES_SKIP_REASON, POSTGRES_URL } from '../support/services.ts'

const REPO = path.resolve(import.meta.dirname, '../..')

/** The databases the province builder of process `pid` has made and not dropped. */
async function scratchDatabasesOf(pid: number): Promise<{ name: string; active: boolean }[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string; active: boolean }>(
      `SELECT d.datname AS name,
              EXISTS (SELECT 1 FROM pg_stat_activity a
                       WHERE a.datname = d.datname AND a.state = 'active') AS active
         FROM pg_database d
        WHERE d.datname LIKE $1`,
      [`ecozoning_province_build_${pid}_%`],
    )
    return rows
  } finally {
    await client.end()
  }
}

/** The builders this file started, whose databases a failed test must not leave behind. */
const started: number[] = []

function buildProvince(...args: string[]) {
  const run = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/build-province.ts', '--postgres', POSTGRES_URL!, ...args],
    { cwd: REPO },
  )
  started.push(run.pid!)
  let stderr = ''
  run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = once(run, 'exit') as Promise<[number | null, string | null]>
  return {
    run,
    exited: exited.then(([code]) => ({ code, stderr })),
  }
}

describe.skipIf(!POSTGRES_URL)(
  `npm run build-province${POSTGRES_URL ? '' : ` (${POSTGRES_SKIP_REASON})`}`,
  { timeout: 120_000 },
  () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-province-build-'))
    })
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true })
      const admin = new pg.Client({ connectionString: POSTGRES_URL })
      await admin.connect()
      try {
        for (const pid of started) {
          for (const { name } of await scratchDatabasesOf(pid)) {
            await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
          }
        }
      } finally {
        await admin.end()
      }
    })

    it.each([
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const)(
      'drops its scratch database when stopped by %s, exiting %i',
      async (signal, code) => {
        const out = path.join(dir, signal, 'units.geojson')
        const { run, exited } = buildProvince('--units', '20000', '--out', out)

        // Stopped as soon as PostgreSQL works for it, which is when its database is being set up.
        let ended = false
        void exited.then(() => (ended = true))
        await expect
          .poll(async () => ended || (await scratchDatabasesOf(run.pid!)).some((db) => db.active), {
            timeout: 30_000,
            interval: 50,
          })
          .toBe(true)
        expect(ended).toBe(false)
        run.kill(signal)

        const { code: exitCode, stderr } = await exited
        expect(exitCode).toBe(code)
        expect(stderr).toContain(
          `Stopped by ${signal}: dropping the scratch database; no units file written.`,
        )
        expect(await scratchDatabasesOf(run.pid!)).toEqual([])
        expect(await readdir(path.dirname(out))).toEqual([])
      },
    )

    it('refuses an --out that is a folder before making any database', async () => {
      const { run, exited } = buildProvince('--units', '100', '--out', dir)
      const { code, stderr } = await exited
      expect(code).toBe(2)
      expect(stderr).toContain(`--out ${dir} is a folder; give the file's name.`)
      expect(await scratchDatabasesOf(run.pid!)).toEqual([])
    })

    it('refuses an --out whose folder cannot be made, naming it', async () => {
      const { run, exited } = buildProvince('--units', '100', '--out', '/proc/none/units.geojson')
      const { code, stderr } = await exited
      expect(code).toBe(2)
      expect(stderr).toContain('Cannot write --out /proc/none/units.geojson:')
      expect(await scratchDatabasesOf(run.pid!)).toEqual([])
    })
  },
)
