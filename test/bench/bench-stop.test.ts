import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POSTGRES_SKIP_REASON, POSTGRES_URL } from '../support/services.ts'

const REPO = path.resolve(import.meta.dirname, '../..')
const SCRATCH_LINE = /scratch database (ecozoning_bench_hengyang_\w+)/

/** Processes whose command line names `text`: the benchmark's servers name their database. */
async function processesNaming(text: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))
  const naming: number[] = []
  for (const pid of pids) {
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (command.includes(text)) naming.push(Number(pid))
  }
  return naming
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL })
  await client.connect()
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    return rows.length > 0
  } finally {
    await client.end()
  }
}

describe.skipIf(!POSTGRES_URL)(
  `npm run bench, stopped${POSTGRES_URL ? '' : ` (${POSTGRES_SKIP_REASON})`}`,
  { timeout: 120_000 },
  () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-bench-stop-'))
    })
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true })
    })

    it.each([
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const)('drops its scratch database on %s and exits with %i', async (signal, code) => {
      const out = path.join(dir, `${signal}.md`)
      const run = spawn(
        process.execPath,
        ['--import', 'tsx', 'bench/run.ts', '--parts', '2', '--rounds', '1', '--out', out],
        { cwd: REPO, env: { ...process.env, BENCH_DATABASE_URL: POSTGRES_URL } },
      )
      let stdout = ''
      let stderr = ''
      run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const exited = once(run, 'exit') as Promise<[number | null, string | null]>

      // Stopped while it loads the sample into the database it has just made.
      const name = await new Promise<string>((resolve, reject) => {
        run.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          const made = SCRATCH_LINE.exec(stdout)
          if (made) resolve(made[1]!)
        })
        void exited.then(() => reject(new Error(`bench ended first: ${stdout}${stderr}`)))
      })
      expect(await databaseExists(name)).toBe(true)
      await expect.poll(() => processesNaming(name)).not.toEqual([])
      run.kill(signal)

      const [exitCode] = await exited
      expect(exitCode).toBe(code)
      expect(stderr).toContain(`Stopped by ${signal}: dropping the scratch databases.`)
      expect(await databaseExists(name)).toBe(false)
      // The server it had started ends with it.
      await expect.poll(() => processesNaming(name), { timeout: 2_000 }).toEqual([])
    })
  },
)
