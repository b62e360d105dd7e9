import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDatasetFolder } from '../../server/data/sample-loader.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import {
  createScratchDatabase,
  POSTGRES_SKIP_REASON,
  POSTGRES_URL,
  REDIS_URL,
} from '../support/services.ts'
import { FIXTURE_DATASET } from '../support/test-server.ts'

const title = POSTGRES_URL ? 'on PostgreSQL' : `on PostgreSQL (${POSTGRES_SKIP_REASON})`

describe.skipIf(!POSTGRES_URL)(`a new data version across servers ${title}`, () => {
  let drop: () => Promise<void>
  let first: RunningServer
  let second: RunningServer

  beforeAll(async () => {
    const scratch = await createScratchDatabase()
    drop = scratch.drop
    const options = {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: scratch.url,
      buildPortal: false,
      loadSample: false,
      // An hour: only the import's notification can make the servers see the new version.
      catalogRefreshMs: 3_600_000,
      redisUrl: REDIS_URL,
      redisPrefix: `ecozoning-test-${Date.now()}:`,
    }
    first = await startServer(options)
    await loadDatasetFolder(first.db, FIXTURE_DATASET)
    second = await startServer(options)
  })
  afterAll(async () => {
    await first?.close()
    await second?.close()
    await drop?.()
  })

  const tileJsonVersion = async (server: RunningServer) =>
    ((await (await fetch(`${server.url}/tiles/control_units.json`)).json()) as { version: string })
      .version

  it('reaches every server as soon as the import commits', async () => {
    const path = '/tiles/control_units/9/415/213.mvt'
    const before = await fetch(second.url + path)
    const versionBefore = await tileJsonVersion(second)

    await loadDatasetFolder(first.db, FIXTURE_DATASET)

    // Notifications arrive within milliseconds; allow a second on a loaded machine.
    const deadline = Date.now() + 1_000
    while ((await tileJsonVersion(second)) === versionBefore && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const after = await fetch(second.url + path)
    expect(await tileJsonVersion(second)).not.toBe(versionBefore)
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    expect(await tileJsonVersion(first)).toBe(await tileJsonVersion(second))
  })
})
