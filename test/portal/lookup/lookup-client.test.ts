import { describe, expect, it } from 'vitest'
import { lookupUrl, readLookupResponse } from '../../../portal/src/lookup/lookup-client.ts'

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

const found = {
  location: { lon: 112.6, lat: 26.9 },
  unit: { code: 'ZH43040720001', name: '石鼓区重点管控单元', class: 'key' },
  zones: [],
  rules: [],
}

describe('lookupUrl', () => {
  it('leaves the CRS out for WGS84 and names it otherwise', () => {
    expect(lookupUrl({ lon: 112.6, lat: 26.9, crs: 'EPSG:4326' })).toBe(
      '/api/lookup?lon=112.6&lat=26.9',
    )
    expect(lookupUrl({ lon: 112.6, lat: 26.9, crs: 'gcj02' })).toBe(
      '/api/lookup?lon=112.6&lat=26.9&crs=gcj02',
    )
  })
})

describe('readLookupResponse', () => {
  it('finds the unit of a 200 answer', async () => {
    expect(await readLookupResponse(json(200, found))).toEqual({ kind: 'found', result: found })
  })

  it('reads a 200 answer without a unit as outside the coverage', async () => {
    const outcome = await readLookupResponse(json(200, { ...found, unit: null }))

    expect(outcome).toEqual({ kind: 'outside', location: found.location })
  })

  it('reads a 422 OUTSIDE_COVERAGE as outside the coverage, with its message', async () => {
    const body = { error: { code: 'OUTSIDE_COVERAGE', message: 'Outside.', field: 'lon' } }

    expect(await readLookupResponse(json(422, body))).toEqual({
      kind: 'outside',
      message: 'Outside.',
    })
  })

  it('keeps the message and field of another client error', async () => {
    const body = { error: { code: 'COORDINATE_INVALID', message: 'lon is bad.', field: 'lon' } }

    expect(await readLookupResponse(json(400, body))).toEqual({
      kind: 'failed',
      reason: 'request',
      message: 'lon is bad.',
      field: 'lon',
    })
  })

  it('fails as a server error on a 5xx or a body that is not a lookup answer', async () => {
    const failed = { kind: 'failed', reason: 'server' }

    expect(await readLookupResponse(json(500, { error: { code: 'INTERNAL' } }))).toEqual(failed)
    expect(await readLookupResponse(new Response('<html>', { status: 502 }))).toEqual(failed)
    expect(await readLookupResponse(json(200, { unit: null }))).toEqual(failed)
  })
})
