import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Koa from 'koa'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorMiddleware } from '../../server/http/error-middleware.ts'
import { HttpError } from '../../server/http/http-error.ts'
import { captureLog } from '../support/log-capture.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

describe('internal failures', () => {
  const { log, lines } = captureLog()
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture', { log })
    // The database goes away under the running server, once nothing reads it in the background:
    // PGlite closed in the middle of a query spins forever.
    await server.tilesPrepared()
    await server.db.close()
  })
  afterAll(() => server?.close().catch(() => {}))

  it('answers 500 with a bare message, and logs the cause with its stack', async () => {
    const response = await server.get('/api/lookup?lon=112.03&lat=27.03')
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({
      error: { code: 'INTERNAL', message: 'Internal server error.' },
    })
    const logged = lines.find((l) => l.msg === 'request failed') as { err?: { stack?: string } }
    expect(logged?.err?.stack).toBeTruthy()
  })

  it('keeps unknown paths a 404 in the same JSON shape', async () => {
    const response = await server.get('/api/nothing-here')
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
  })
})

describe('a passing overload', () => {
  it('answers 503 with its message and Retry-After, which the client may act on', async () => {
    const app = new Koa()
    app.silent = true
    app.use(errorMiddleware(pino({ level: 'silent' })))
    app.use(() => {
      throw new HttpError(503, 'CHECKS_BUSY', 'Try again in a few seconds.', undefined, 5)
    })
    const server = createServer(app.callback()).listen(0, '127.0.0.1')
    await once(server, 'listening')
    try {
      const { port } = server.address() as AddressInfo
      const response = await fetch(`http://127.0.0.1:${port}/api/admission-check`)
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('5')
      expect(await response.json()).toEqual({
        error: { code: 'CHECKS_BUSY', message: 'Try again in a few seconds.' },
      })
    } finally {
      server.close()
    }
  })
})
