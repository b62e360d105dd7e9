import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

describe('cross-origin requests', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture')
  })
  afterAll(() => server?.close())

  // What a browser sends before a cross-origin GET that carries its own If-None-Match.
  const preflight = (path: string) =>
    server.get(path, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://maps.example.test',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    })

  it('lets any origin send conditional requests for tiles, styles and the API', async () => {
    for (const path of [
      '/tiles',
      '/tiles/zoning.json',
      '/tiles/control_units/10/830/431.mvt',
      '/styles/zoning.json',
      '/api/openapi.json',
    ]) {
      const response = await preflight(path)
      expect(response.status, path).toBe(204)
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*')
      expect(response.headers.get('access-control-allow-methods'), path).toBe('GET, HEAD')
      const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase()
      expect(allowed.split(', '), path).toContain('if-none-match')
    }
    const tile = await server.get('/tiles/control_units/10/830/431.mvt', {
      headers: { Origin: 'http://maps.example.test' },
    })
    expect(tile.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('lets other origins read why a tile, TileJSON or style was refused', async () => {
    const refusals: [string, string, number][] = [
      ['GET', '/tiles/control_units/99/0/0.mvt', 400],
      ['GET', '/tiles/no_such_layer/1/0/0.mvt', 404],
      ['GET', '/tiles/no_such_layer.json', 404],
      ['POST', '/tiles/control_units/10/830/431.mvt', 405],
      ['DELETE', '/tiles/zoning.json', 405],
      ['PUT', '/styles/zoning.json', 405],
      ['GET', '/styles/no-such-style.json', 404],
    ]
    for (const [method, path, status] of refusals) {
      const response = await server.get(path, {
        method,
        headers: { Origin: 'http://maps.example.test' },
      })
      expect(response.status, `${method} ${path}`).toBe(status)
      expect(response.headers.get('access-control-allow-origin'), `${method} ${path}`).toBe('*')
      const body = (await response.json()) as { error?: { code?: string } }
      expect(body.error?.code, `${method} ${path}`).toBeTypeOf('string')
    }
  })

  it('opens nothing else to other origins', async () => {
    for (const path of ['/api/admission-check', '/api/lookup', '/']) {
      const response = await preflight(path)
      expect(response.headers.get('access-control-allow-origin'), path).toBeNull()
    }
  })
})
