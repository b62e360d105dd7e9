import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/start.ts'
import { openTransaction } from '../support/open-transaction.ts'
import { BACKENDS, POSTGRES_URL } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

const postgres = BACKENDS.find((backend) => backend.name === 'postgres')!
const LOOKUP = '/api/lookup?lon=112.05&lat=27.05'

describe.skipIf(postgres.skip)(`a query past its statement timeout ${postgres.title}`, () => {
  let loaded: TestServer
  let impatient: RunningServer
  beforeAll(async () => {
    // One server migrates and loads the fixture with the usual timeout; a second one on the
    // same database gives every statement 300 ms.
    loaded = await startTestServer(postgres, 'fixture')
    const url = new URL(POSTGRES_URL!)
    url.pathname = `/${loaded.db.location.split('/').at(-1)}`
    impatient = await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: url.toString(),
      dbStatementTimeoutMs: 300,
      loadSample: false,
      buildPortal: false,
    })
  })
  afterAll(async () => {
    await impatient?.close()
    await loaded?.close()
  })

  it('answers 503 with Retry-After, then serves again once the database is free', async () => {
    expect((await fetch(impatient.url + LOOKUP)).status).toBe(200)

    // A transaction that holds the units locked: the lookup's query waits past its timeout.
    const holder = await openTransaction(
      loaded.db,
      'LOCK TABLE control_units IN ACCESS EXCLUSIVE MODE',
    )

    const started = performance.now()
    const response = await fetch(impatient.url + LOOKUP)
    const waited = performance.now() - started
    await holder.release()

    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'QUERY_TIMEOUT',
    )
    // It gave up at the timeout, not at the lock's release.
    expect(waited).toBeGreaterThanOrEqual(300)
    expect(waited).toBeLessThan(5_000)
    expect((await fetch(impatient.url + LOOKUP)).status).toBe(200)
  })
})
