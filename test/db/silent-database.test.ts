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
    expect(String((error as Error).message)).toBe(
      `PostgreSQL at postgres@127.0.0.1:${port}/nothing (DATABASE_URL): it took the connection ` +
        'but did not answer as PostgreSQL in time; is a PostgreSQL server listening there, and ' +
        'not overloaded?',
    )
    // Well before the statement timeout: the wait is bounded by the connect timeout alone.
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(sockets.length).toBeGreaterThan(0)
  })
})

/** Why opening PostgreSQL at `url` failed, as the start-up says it. */
async function refusal(url: string): Promise<string> {
  const error = await openPostgresDatabase({
    url,
    poolSize: 1,
    statementTimeoutMs: 15_000,
    connectTimeoutMs: 2_000,
  }).then(
    async (db) => {
      await db.close()
      throw new Error(`${url} was opened`)
    },
    (failed: unknown) => failed,
  )
  expect(error).toBeInstanceOf(StartupError)
  return (error as Error).message
}

describe('a DATABASE_URL naming something other than PostgreSQL', () => {
  it('says nothing listens at a port that refuses connections', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as { port: number }
    await new Promise((resolve) => closed.close(resolve))
    expect(await refusal(`postgres://postgres@127.0.0.1:${port}/zoning`)).toBe(
      `PostgreSQL at postgres@127.0.0.1:${port}/zoning (DATABASE_URL): nothing listens there ` +
        '(connection refused). Start PostgreSQL, or correct DATABASE_URL.',
    )
  })

  it('says a server that hangs up did not answer as PostgreSQL', async () => {
    // What a web server does with PostgreSQL's start-up message.
    const web = createServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'))
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve))
    const { port } = web.address() as { port: number }
    try {
      expect(await refusal(`postgres://postgres@127.0.0.1:${port}/zoning`)).toBe(
        `PostgreSQL at postgres@127.0.0.1:${port}/zoning (DATABASE_URL): it closed the ` +
          'connection without answering as PostgreSQL; is a PostgreSQL server listening there?',
      )
    } finally {
      web.close()
    }
  })
})
