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

  it('opens nothing else to other origins', async () => {
    for (const path of ['/api/admission-check', '/api/lookup', '/']) {
      const response = await preflight(path)
      expect(response.headers.get('access-control-allow-origin'), path).toBeNull()
    }
  })
})
