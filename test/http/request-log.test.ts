import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureLog } from '../support/log-capture.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

describe('request log', () => {
  const { log, lines } = captureLog()
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture', { log })
  })
  afterAll(() => server?.close())

  it('writes one line per request with route, status, duration, cache outcome and id', async () => {
    const response = await server.get('/tiles/control_units/8/207/107.mvt')
    const requestId = response.headers.get('x-request-id')
    const line = lines.find((l) => l.reqId === requestId)
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/tiles/:layer/:z/:x/:file',
      status: response.status,
      cache: 'miss',
    })
    expect(typeof line!.ms).toBe('number')
  })

  it('logs the route pattern, not the coordinates a person asked about', async () => {
    const response = await server.get('/api/lookup?lon=112.0312345&lat=27.0312345')
    const line = lines.find((l) => l.reqId === response.headers.get('x-request-id'))
    expect(line?.route).toBe('/api/lookup')
    expect(JSON.stringify(lines)).not.toContain('112.0312345')
  })
})
