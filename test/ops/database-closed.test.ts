import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS, POSTGRES_URL } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

const postgres = BACKENDS.find((backend) => backend.name === 'postgres')!

describe.skipIf(postgres.skip)(`a database closed to connections ${postgres.title}`, () => {
  let server: TestServer
  let admin: pg.Client
  let name: string
  beforeAll(async () => {
    server = await startTestServer(postgres, 'fixture')
    // user@host:port/name
    name = server.db.location.split('/').pop()!
    admin = new pg.Client({ connectionString: POSTGRES_URL })
    await admin.connect()
  })
  afterAll(async () => {
    await admin?.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} ALLOW_CONNECTIONS true`)
    await admin?.end()
    await server?.close()
  })

  it('answers 503 with Retry-After while it refuses them, and recovers after', async () => {
    const lookup = '/api/lookup?lon=112.05&lat=27.05'
    expect((await server.get(lookup)).status).toBe(200)

    // As an administrator does: no new sessions, and the open ones ended.
    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} ALLOW_CONNECTIONS false`)
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
      name,
    ])
    // The first request may meet a session as it is being ended; the next ones find none.
    await server.get(lookup)
    const closed = await server.get(lookup)
    expect(closed.status).toBe(503)
    expect(closed.headers.get('retry-after')).not.toBeNull()
    expect(((await closed.json()) as { error: { code: string } }).error.code).toBe(
      'DATABASE_UNAVAILABLE',
    )

    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} ALLOW_CONNECTIONS true`)
    expect((await server.get(lookup)).status).toBe(200)
  })
})
