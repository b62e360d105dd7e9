import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import Koa from 'koa'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorMiddleware } from '../../server/http/error-middleware.ts'
import { jsonBody } from '../../server/http/json-body.ts'

// The JSON body parser alone, in front of a route that echoes what it read.

describe('JSON request bodies', () => {
  let server: Server
  let url: string
  beforeAll(async () => {
    const app = new Koa()
    app.silent = true
    app.use(errorMiddleware(pino({ level: 'silent' })))
    app.use(jsonBody())
    app.use((ctx) => {
      ctx.body = { read: ctx.request.body }
    })
    server = createServer(app.callback()).listen(0, '127.0.0.1')
    await once(server, 'listening')
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(() => server?.close())

  const post = async (body: Buffer | string, encoding?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (encoding) headers['content-encoding'] = encoding
    const payload = typeof body === 'string' ? body : new Uint8Array(body)
    const response = await fetch(url, { method: 'POST', headers, body: payload })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const json = '{"category":"air"}'

  it.each([
    ['gzip', gzipSync(json)],
    ['deflate', deflateSync(json)],
    ['br', brotliCompressSync(json)],
  ])('reads a body compressed with %s as its Content-Encoding says', async (encoding, bytes) => {
    expect(await post(bytes, encoding)).toEqual({
      status: 200,
      body: { read: { category: 'air' } },
    })
  })

  it.each(['gzip', 'deflate', 'br'])(
    'refuses plain JSON sent as %s, naming the encoding rather than calling it bad JSON',
    async (encoding) => {
      expect(await post(json, encoding)).toEqual({
        status: 400,
        body: {
          error: {
            code: 'BODY_ENCODING_INVALID',
            message:
              `The request body could not be decoded as "${encoding}", the Content-Encoding it ` +
              'was sent with; send it in that encoding, or without the header.',
          },
        },
      })
    },
  )

  it('refuses text that is not JSON', async () => {
    expect(await post('{"category": ')).toEqual({
      status: 400,
      body: {
        error: { code: 'BODY_INVALID_JSON', message: 'The request body is not valid JSON.' },
      },
    })
  })
})
