import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryRateLimitStore } from '../../server/reports/rate-limit.ts'
import { BACKENDS, REDIS_SKIP_REASON, REDIS_URL } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { reportAt, type ErrorAnswer } from './support/report-requests.ts'

describe('memory rate-limit store', () => {
  it('counts per key within fixed windows', async () => {
    let now = 3_600_000 * 10 + 1_000
    const store = createMemoryRateLimitStore(() => now)
    expect(await store.hit('a', 60_000)).toEqual({ count: 1, resetMs: 59_000 })
    expect((await store.hit('a', 60_000)).count).toBe(2)
    expect((await store.hit('b', 60_000)).count).toBe(1)
    now += 59_000
    expect((await store.hit('a', 60_000)).count).toBe(1)
  })
})

describe.skipIf(BACKENDS[0]!.skip)('report rate limits in memory', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture', {
      reportsPerHour: 2,
      reportLookupsPerMinute: 3,
    })
  })
  afterAll(() => server?.close())

  it('refuses a client’s third report in an hour with 429 and Retry-After', async () => {
    const first = await server.postJson('/api/reports', reportAt(112.17, 27.03))
    expect(first.status).toBe(201)
    expect(first.headers.get('ratelimit-remaining')).toBe('1')
    // A refused report counts too: the limit guards the work, not only what is stored.
    expect((await server.postJson('/api/reports', { category: 'x' })).status).toBe(400)

    const third = await server.postJson('/api/reports', reportAt(112.17, 27.03))
    expect(third.status).toBe(429)
    const retryAfter = Number(third.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    const body = (await third.json()) as ErrorAnswer
    expect(body.error.code).toBe('RATE_LIMITED')
    expect(body.error.message).toMatch(/2 per hour/)
  })

  it('limits tracking-code lookups on their own', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      statuses.push((await server.get('/api/reports/00000-00000-00000-00000')).status)
    }
    expect(statuses).toEqual([404, 404, 404, 429])
  })
})

describe.skipIf(!REDIS_URL || BACKENDS[0]!.skip)(
  `report rate limits shared through Redis${REDIS_URL ? '' : ` (${REDIS_SKIP_REASON})`}`,
  () => {
    const servers: TestServer[] = []
    beforeAll(async () => {
      const options = {
        redisUrl: REDIS_URL,
        redisPrefix: `ecozoning-test-${randomBytes(4).toString('hex')}:`,
        reportsPerHour: 3,
      }
      servers.push(await startTestServer(BACKENDS[0]!, 'fixture', options))
      servers.push(await startTestServer(BACKENDS[0]!, 'fixture', options))
    })
    afterAll(async () => {
      for (const server of servers) await server.close()
    })

    it('counts a client’s reports across servers', async () => {
      const [a, b] = servers as [TestServer, TestServer]
      const statuses = []
      for (const server of [a, b, a, b]) {
        statuses.push((await server.postJson('/api/reports', reportAt(112.17, 27.03))).status)
      }
      expect(statuses).toEqual([201, 201, 201, 429])
    })
  },
)
