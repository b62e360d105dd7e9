import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

describe('paths in another case', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture')
  })
  afterAll(() => server?.close())

  it('are other paths: unknown, not the routes they resemble', async () => {
    for (const path of [
      '/api/Lookup?lon=112.03&lat=27.03',
      '/api/DATASET',
      '/api/staff/Reports',
      '/Health',
      '/TILES/control_units.json',
      '/tiles/CONTROL_UNITS.json',
      '/STYLES/ZONING.JSON',
    ]) {
      const response = await server.get(path)
      expect(response.status, path).toBe(404)
    }
    // The same routes, written as documented, answer.
    for (const path of ['/api/dataset', '/health', '/tiles/control_units.json']) {
      expect((await server.get(path)).status, path).toBe(200)
    }
  })

  it('under /api answer in the API error shape', async () => {
    const response = await server.get('/api/Lookup?lon=112.03&lat=27.03')
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })
})
