import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SQL_DIR } from '../../server/db/migrate.ts'
import { REPO_ROOT } from '../../server/config.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import { BACKENDS, createScratchDatabase } from '../support/services.ts'

const postgres = BACKENDS.find((backend) => backend.name === 'postgres')!
const SAMPLE_UNITS = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/sample/control_units.geojson'), 'utf8')) as {
    features: unknown[]
  }
).features.length

describe.skipIf(postgres.skip)(`servers starting together ${postgres.title}`, () => {
  const servers: RunningServer[] = []
  let drop: (() => Promise<void>) | undefined
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()))
    await drop?.()
  })

  it('migrate and load an empty database once between them', async () => {
    const scratch = await createScratchDatabase()
    drop = scratch.drop
    const options = { port: 0, host: '127.0.0.1', databaseUrl: scratch.url, buildPortal: false }
    const started = await Promise.allSettled([startServer(options), startServer(options)])
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value)
    expect(started.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled'])

    const db = servers[0]!.db
    const [units] = await db.query<{ n: number }>(
      'SELECT count(*)::integer AS n FROM control_units',
    )
    expect(units!.n).toBe(SAMPLE_UNITS)
    const migrations = await db.query<{ version: string }>('SELECT version FROM schema_migrations')
    const files = readdirSync(SQL_DIR).filter((name) => /^\d{3}_.+\.sql$/.test(name))
    expect(migrations).toHaveLength(files.length)
    for (const server of servers) {
      expect((await fetch(`${server.url}/ready`)).status).toBe(200)
    }
  })
})
