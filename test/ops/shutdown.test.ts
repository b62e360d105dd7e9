import { spawn } from 'node:child_process'
import { connect } from 'node:net'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { openTransaction } from '../support/open-transaction.ts'
import { BACKENDS, createScratchDatabase, POSTGRES_URL } from '../support/services.ts'
import { startTestServer } from '../support/test-server.ts'

const REPO = path.resolve(import.meta.dirname, '../..')

/** Opens a connection and sends a request's first lines, never the blank line that ends it. */
function halfRequest(url: string): Promise<{ closed: Promise<void> }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write('GET /health HTTP/1.1\r\nHost: x\r\n')
      const closed = new Promise<void>((done) => socket.once('close', () => done()))
      resolve({ closed })
    })
    socket.on('error', () => {})
    socket.once('error', reject)
  })
}

describe('shutting down', () => {
  it('finishes a request in flight, then stops', async () => {
    const server = await startTestServer(BACKENDS[0]!, 'fixture', { shutdownGraceMs: 10_000 })
    // The embedded database runs one transaction at a time: while this one is open, the lookup
    // below waits, in flight, when the server is asked to stop.
    const blocker = await openTransaction(server.db)
    const lookup = server.get('/api/lookup?lon=112.05&lat=27.05')
    await sleep(100)
    const closing = server.close()
    await sleep(100)
    await blocker.release()
    expect((await lookup).status).toBe(200)
    await closing
  })

  it('drops a client that never finishes its request once the grace time is over', async () => {
    const server = await startTestServer(BACKENDS[0]!, 'fixture', { shutdownGraceMs: 300 })
    const client = await halfRequest(server.url)
    const started = performance.now()
    await server.close()
    await client.closed
    // Bounded by the grace time, not by Node's header timeout (a minute) or the client.
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  describe.skipIf(!POSTGRES_URL)('npm start', () => {
    it('passes SIGTERM on to the server, which stops', async () => {
      const scratch = await createScratchDatabase()
      const child = spawn('npm', ['start'], {
        cwd: REPO,
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: scratch.url,
          REDIS_URL: '',
          BUILD_PORTAL: 'never',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      try {
        let output = ''
        child.stdout.on('data', (chunk) => (output += String(chunk)))
        const deadline = Date.now() + 60_000
        let url: string | undefined
        while (!url && Date.now() < deadline && child.exitCode === null) {
          url = /ecozoning is ready: open (http:\S+?)"/.exec(output)?.[1]
          await sleep(100)
        }
        expect(url, output).toBeDefined()
        expect((await fetch(`${url}/health`)).status).toBe(200)

        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
        // npm has gone; the server must have gone with it, not kept serving on its own.
        await sleep(500)
        const after = await fetch(`${url}/health`).then(
          (response) => response.status,
          () => 'refused',
        )
        expect(after).toBe('refused')
        expect(output).toContain('"signal":"SIGTERM"')
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL')
        await scratch.drop()
      }
    })
  })
})
