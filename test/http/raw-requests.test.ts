import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawRequestHandlers } from '../../server/http/raw-requests.ts'

describe('a request whose headers never end', () => {
  let server: Server
  let port: number
  beforeAll(async () => {
    // Node's own timeouts, shortened: the server gives up on the headers after 300 ms.
    server = createServer({
      headersTimeout: 300,
      requestTimeout: 300,
      connectionsCheckingInterval: 50,
    })
    server.on('clientError', rawRequestHandlers(pino({ level: 'silent' })).clientError)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => server?.close())

  it('gets a JSON 408 that says it timed out, not a 400', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: a\r\n'))
      const chunks: Buffer[] = []
      socket.on('data', (chunk) => chunks.push(chunk))
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      socket.on('error', reject)
    })
    const [head = '', body = ''] = answer.split('\r\n\r\n')
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout')
    expect(JSON.parse(body).error).toMatchObject({ code: 'REQUEST_TIMEOUT' })
    expect(JSON.parse(body).error.message).toMatch(/in time/)
  })
})
