import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  BATCH_COMMAND_TIMEOUT_MS,
  connectRedis,
  SERVER_COMMAND_TIMEOUT_MS,
} from '../../server/cache/redis-client.ts'
import { REDIS_SKIP_REASON, REDIS_URL } from '../support/services.ts'

const title = REDIS_URL ? 'on Redis' : `on Redis (${REDIS_SKIP_REASON})`

/** Holds the event loop for `ms`, as cutting a large layer's tiles does. */
function busyFor(ms: number) {
  const until = performance.now() + ms
  while (performance.now() < until);
}

describe.skipIf(!REDIS_URL)(`a Redis command while the process is busy ${title}`, () => {
  const prefix = `ecozoning-test-${randomBytes(4).toString('hex')}:`

  /** Sends a GET, holds the event loop past the server's timeout, then waits for the answer. */
  async function getWhileBusy(commandTimeoutMs?: number) {
    const client = await connectRedis(REDIS_URL!, prefix, commandTimeoutMs)
    try {
      const answer = client.redis.get('absent').then(
        (value) => ({ value }),
        (error: Error) => ({ error: error.message }),
      )
      busyFor(SERVER_COMMAND_TIMEOUT_MS + 300)
      return await answer
    } finally {
      await client.close()
    }
  }

  it("times out on the server's timeout, though Redis answered in time", async () => {
    expect(await getWhileBusy()).toEqual({ error: 'Command timed out' })
  })

  it("is answered on a batch tool's timeout", async () => {
    expect(await getWhileBusy(BATCH_COMMAND_TIMEOUT_MS)).toEqual({ value: null })
  })
})
