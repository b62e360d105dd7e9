import { once } from 'node:events'
import net, { type AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { BATCH_COMMAND_TIMEOUT_MS, connectRedis } from '../../server/cache/redis-client.ts'
import { StartupError } from '../../server/startup-error.ts'

/** Why connecting to `url` failed, as the start-up would say it. */
async function refusal(url: string, commandTimeoutMs?: number): Promise<string> {
  const error = await connectRedis(url, 'test:', commandTimeoutMs).then(
    async (client) => {
      await client.close()
      throw new Error(`${url} was connected to`)
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StartupError)
  return (error as Error).message
}

describe('a Redis that cannot be used at start', () => {
  it('says nothing listens at a port that refuses connections', async () => {
    const closed = net.createServer()
    closed.listen(0, '127.0.0.1')
    await once(closed, 'listening')
    const { port } = closed.address() as AddressInfo
    closed.close()
    await once(closed, 'close')
    expect(await refusal(`redis://127.0.0.1:${port}`)).toBe(
      `Redis at 127.0.0.1:${port}/0 (REDIS_URL): nothing listens there (connection refused). ` +
        'Start Redis, or correct REDIS_URL.',
    )
  })

  it('says a server that takes the connection does not answer', async () => {
    const sockets: net.Socket[] = []
    const silent = net.createServer((socket) => sockets.push(socket))
    silent.listen(0, '127.0.0.1')
    await once(silent, 'listening')
    const { port } = silent.address() as AddressInfo
    try {
      const said =
        `Redis at 127.0.0.1:${port}/0 (REDIS_URL): it took the connection but did not answer ` +
        'as Redis in time; is it a Redis server, and busy?'
      expect(await refusal(`redis://127.0.0.1:${port}`)).toBe(said)
      // The tools' minute-long command timeout does not hold their start.
      const started = performance.now()
      expect(await refusal(`redis://127.0.0.1:${port}`, BATCH_COMMAND_TIMEOUT_MS)).toBe(said)
      expect(performance.now() - started).toBeLessThan(BATCH_COMMAND_TIMEOUT_MS / 2)
    } finally {
      for (const socket of sockets) socket.destroy()
      silent.close()
    }
  })

  /** A server on loopback that answers every connection with `reply` and hangs up. */
  async function hangingUp(reply: string): Promise<{ port: number; close(): void }> {
    const server = net.createServer((socket) => socket.end(reply))
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    return { port: (server.address() as AddressInfo).port, close: () => server.close() }
  }

  it('says a server that hangs up did not answer as Redis', async () => {
    // What a web server does with Redis's first command.
    const web = await hangingUp('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    try {
      expect(await refusal(`redis://127.0.0.1:${web.port}`)).toBe(
        `Redis at 127.0.0.1:${web.port}/0 (REDIS_URL): it closed the connection without ` +
          'answering as Redis; is a Redis server listening there?',
      )
    } finally {
      web.close()
    }
  })

  it('says rediss:// needs a server that speaks TLS', async () => {
    const plain = await hangingUp('-ERR unknown command\r\n')
    try {
      expect(await refusal(`rediss://127.0.0.1:${plain.port}`)).toBe(
        `Redis at 127.0.0.1:${plain.port}/0 (REDIS_URL): the TLS handshake failed (wrong version ` +
          'number): the server there does not speak TLS. REDIS_URL starts with rediss://, which ' +
          'connects with TLS; a Redis without TLS needs redis://.',
      )
    } finally {
      plain.close()
    }
  })
})
