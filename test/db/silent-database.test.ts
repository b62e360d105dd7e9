import { createServer, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPostgresDatabase } from '../../server/db/postgres-database.ts'
import { StartupError } from '../../server/startup-error.ts'

// A peer of the test's own on loopback that accepts connections and never says a word, as a
// database host does whose server hangs or whose firewall swallows the replies.
describe('a database that accepts connections and never answers', () => {
  let silent: Server
  let port: number
  const sockets: Socket[] = []
  beforeAll(async () => {
    silent = createServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    port = (silent.address() as { port: number }).port
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => silent.close(resolve))
  })

  it('stops the start within the connect timeout, naming DATABASE_URL', async () => {
    const started = performance.now()
    const opening = openPostgresDatabase({
      url: `postgres://postgres@127.0.0.1:${port}/nothing`,
      poolSize: 2,
      statementTimeoutMs: 15_000,
      connectTimeoutMs: 300,
    })
    const error = await opening.then(
      () => undefined,
      (failed: unknown) => failed,
    )
    expect(error).toBeInstanceOf(StartupError)
    expect(String((error as Error).message)).toMatch(
      /PostgreSQL at postgres@127\.0\.0\.1:\d+.*DATABASE_URL/,
    )
    expect(String((error as Error).message)).toMatch(/timeout/)
    // Well before the statement timeout: the wait is bounded by the connect timeout alone.
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(sockets.length).toBeGreaterThan(0)
  })
})
