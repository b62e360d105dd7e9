import { request } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config.ts'
import { startServer } from '../../server/start.ts'
import { StartupError } from '../../server/startup-error.ts'
import { getWithHost } from '../support/host-request.ts'
import { captureLog } from '../support/log-capture.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

/** Sends raw bytes and returns the raw answer: for requests fetch refuses to make. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text))
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    socket.on('error', reject)
  })
}

describe('the HTTP edge', () => {
  const { log, lines } = captureLog()
  let server: TestServer
  let port: number
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture', { log })
    port = Number(new URL(server.url).port)
  })
  afterAll(() => server?.close())

  it('answers a method no route knows with a JSON 405', async () => {
    type Answer = { status?: number; allow?: string; body: string }
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', path: '/api/lookup', method: 'TRACE' })
      req.on('response', (response) => {
        let body = ''
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode, allow: response.headers.allow, body }),
        )
      })
      req.on('error', reject)
      req.end()
    })
    expect(answer.status).toBe(405)
    expect(JSON.parse(answer.body).error.code).toBe('METHOD_NOT_ALLOWED')
    // The lookup takes GET (and so HEAD): the answer says which methods would do.
    expect(answer.allow?.split(', ').sort()).toEqual(['GET', 'HEAD'])
  })

  it('answers, logs and counts a request Node cannot parse, as any other', async () => {
    const secret = 'lon=112.0312345'
    const cases: [string, number, string][] = [
      [`NOT A REQUEST ${secret}\r\n\r\n`, 400, 'BAD_REQUEST'],
      // Node's parser takes 16 KB of headers by default.
      [
        `GET / HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        431,
        'HEADERS_TOO_LARGE',
      ],
    ]
    for (const [text, status, code] of cases) {
      const answer = await rawRequest(port, text)
      const [head = '', body = ''] = answer.split('\r\n\r\n')
      expect(head.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
      expect(JSON.parse(body).error.code).toBe(code)
      // The path is not known, and a map on another site may have sent it.
      expect(head, code).toMatch(/^access-control-allow-origin: \*$/im)
      const reqId = /^x-request-id: (\S+)$/im.exec(head)?.[1]
      expect(reqId, code).toBeDefined()
      const line = lines.find((l) => l.reqId === reqId)
      expect(line, code).toMatchObject({ msg: 'request', status, route: '(unparsed)' })
      expect(line?.parser, code).toMatch(/^HPE_/)
    }
    expect(JSON.stringify(lines)).not.toContain(secret)
    expect(lines.find((l) => l.route === '(unparsed)')?.reqId).toBeDefined()
    const metrics = await (await server.get('/metrics')).text()
    const counted = metrics
      .split('\n')
      .filter((l) => l.includes('route="(unparsed)"') && l.includes('_count'))
      .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0)
    expect(counted).toBe(2)
  })

  it('refuses a request with no Host or two, and a tunnel, with JSON and a log line', async () => {
    const cases: [string, number, string, string][] = [
      ['GET /tiles/control_units/10/830/431.mvt HTTP/1.1\r\n\r\n', 400, 'HOST_MISSING', '/tiles/*'],
      ['GET /api/dataset HTTP/1.1\r\nConnection: close\r\n\r\n', 400, 'HOST_MISSING', '/api/*'],
      // Node keeps the first of two; a proxy in front may have routed on the second.
      [
        'GET /tiles/control_units/10/830/431.mvt HTTP/1.1\r\nHost: a.test\r\nhost: b.test\r\n\r\n',
        400,
        'HOST_REPEATED',
        '/tiles/*',
      ],
      [
        'GET /tiles/zoning.json HTTP/1.0\r\nHost: a.test\r\nHOST: a.test\r\n\r\n',
        400,
        'HOST_REPEATED',
        '/tiles/*',
      ],
      [
        'CONNECT maps.example.test:443 HTTP/1.1\r\nHost: maps.example.test:443\r\n\r\n',
        405,
        'METHOD_NOT_ALLOWED',
        '(connect)',
      ],
    ]
    for (const [text, status, code, route] of cases) {
      const answer = await rawRequest(port, text)
      const [head = '', body = ''] = answer.split('\r\n\r\n')
      expect(head.split('\r\n')[0], code).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
      expect(JSON.parse(body).error.code, code).toBe(code)
      const reqId = /^x-request-id: (\S+)$/im.exec(head)?.[1]
      expect(
        lines.find((l) => l.reqId === reqId),
        code,
      ).toMatchObject({ status, route })
      // Refusals under /tiles stay readable to map clients on other sites.
      const open = /^access-control-allow-origin: \*$/im.test(head)
      expect(open, `${code} ${route}`).toBe(route === '/tiles/*')
    }
    const empty = await rawRequest(port, 'GET /api/dataset HTTP/1.1\r\nHost: \r\n\r\n')
    expect(empty).toMatch(/^HTTP\/1\.1 400 [^]*"HOST_MISSING"/)
    // HTTP/1.0 had no Host header.
    const older = await rawRequest(port, 'GET /api/dataset HTTP/1.0\r\n\r\n')
    expect(older).toMatch(/^HTTP\/1\.1 200 /)
  })

  it('honours weak and listed validators in If-None-Match', async () => {
    const path = '/tiles/control_units/8/207/107.mvt'
    const etag = (await server.get(path)).headers.get('etag')!
    const listed = await server.get(path, { headers: { 'if-none-match': `"other", W/${etag}` } })
    expect(listed.status).toBe(304)
  })

  it('keys TileJSON on the Host header when no public URL is set', async () => {
    const response = await server.get('/tiles/control_units.json')
    expect(response.headers.get('vary')).toMatch(/host/i)
  })

  it('builds URLs only from a Host that names a host, and refuses any other', async () => {
    for (const host of ['maps.example.test', 'maps.example.test:8443', '[::1]:8080', '10.0.0.7']) {
      const answer = await getWithHost(server.url, '/tiles/control_units.json', host)
      expect(answer.status, host).toBe(200)
      const { tiles } = (await answer.json()) as { tiles: string[] }
      expect(tiles[0]!.startsWith(`http://${host}/tiles/control_units/`), host).toBe(true)
    }
    for (const path of ['/tiles', '/tiles/zoning.json', '/styles/zoning.json']) {
      for (const host of [
        'evil.test/x?',
        'a b',
        'evil.test#',
        'evil.test?x',
        'a.test:port',
        'a.test:99999',
      ]) {
        const answer = await getWithHost(server.url, path, host)
        expect(answer.status, `${path} ${host}`).toBe(400)
        expect(
          ((await answer.json()) as { error: unknown }).error,
          `${path} ${host}`,
        ).toMatchObject({
          code: 'HOST_INVALID',
          field: 'Host',
        })
      }
    }
  })

  it('refuses to start on a port in use, naming the setting', async () => {
    const error = await startServer({ port, host: '127.0.0.1', buildPortal: false }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(StartupError)
    expect((error as Error).message).toContain('PORT')
  })

  it('refuses to start when Redis cannot be reached, naming the setting', async () => {
    // Port 9 (discard) has no Redis on a test machine.
    const error = await startServer({
      port: 0,
      host: '127.0.0.1',
      buildPortal: false,
      redisUrl: 'redis://127.0.0.1:9',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StartupError)
    expect((error as Error).message).toContain('REDIS_URL')
  })
})

describe('configuration', () => {
  it('reads defaults from an empty environment', () => {
    const { config } = readConfig({})
    expect(config).toMatchObject({ PORT: 8080, LOAD_SAMPLE: 'auto', TILE_CACHE_MB: 256 })
  })

  it('names every wrong value on its own line, without throwing', () => {
    const { problems } = readConfig({
      PORT: 'eighty',
      DATABASE_URL: 'garbage',
      REDIS_URL: 'http://127.0.0.1:6379',
      PUBLIC_URL: 'notaurl',
      TILE_CACHE_MB: '1e9',
      LOG_LEVEL: 'loud',
    })
    expect(problems?.map((p) => p.split('=')[0]).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'PUBLIC_URL',
      'REDIS_URL',
      'TILE_CACHE_MB',
    ])
  })
})
