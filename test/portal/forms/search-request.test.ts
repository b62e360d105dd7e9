import { once } from 'node:events'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestMatches } from '../../../portal/src/forms/search-request.ts'

// A real HTTP server on the loopback answers each path the way a search can end.

interface Matches {
  names: string[]
}

/** Reads `{ names: [...] }`, refusing anything else. */
function readNames(body: unknown): Matches | undefined {
  const names = (body as { names?: unknown } | undefined)?.names
  return Array.isArray(names) ? { names: names.map(String) } : undefined
}

describe('requestMatches', () => {
  let server: Server
  let origin: string
  let heard: IncomingHttpHeaders | undefined

  beforeAll(async () => {
    server = createServer((request, response) => {
      heard = request.headers
      const json = (status: number, text: string) => {
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(text)
      }
      if (request.url === '/found') json(200, '{"names":["松木","衡南"]}')
      else if (request.url === '/error') json(500, '{"names":["never read"]}')
      else if (request.url === '/not-json') json(200, '<html>')
      else if (request.url === '/wrong-shape') json(200, '{"hits":[]}')
      else if (request.url === '/slow') setTimeout(() => json(200, '{"names":[]}'), 2000)
      else json(404, '{}')
    }).listen(0, '127.0.0.1')
    await once(server, 'listening')
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(() => {
    server?.closeAllConnections()
    server?.close()
  })

  it('reads the JSON answer, asking for JSON', async () => {
    expect(await requestMatches(`${origin}/found`, readNames)).toEqual({ names: ['松木', '衡南'] })
    expect(heard?.accept).toBe('application/json')
  })

  it('is undefined for an error status, even with a readable body', async () => {
    expect(await requestMatches(`${origin}/error`, readNames)).toBeUndefined()
  })

  it('is undefined for an answer that is not JSON or that the reader refuses', async () => {
    expect(await requestMatches(`${origin}/not-json`, readNames)).toBeUndefined()
    expect(await requestMatches(`${origin}/wrong-shape`, readNames)).toBeUndefined()
  })

  it('is undefined when nothing answers', async () => {
    const closed = createServer().listen(0, '127.0.0.1')
    await once(closed, 'listening')
    const { port } = closed.address() as AddressInfo
    closed.close()
    await once(closed, 'close')

    expect(await requestMatches(`http://127.0.0.1:${port}/found`, readNames)).toBeUndefined()
  })

  it('rejects with the abort when the search is aborted', async () => {
    const search = new AbortController()
    const pending = requestMatches(`${origin}/slow`, readNames, search.signal)
    setTimeout(() => search.abort(), 50)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })
})
