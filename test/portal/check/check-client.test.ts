import { describe, expect, it } from 'vitest'
import {
  checkIdFrom,
  fetchCheck,
  readCheckResponse,
  reportPath,
} from '../../../portal/src/check/check-client.ts'

const ID = 'BuNh1BmzURocidy04FDe7A'

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

const answer = {
  id: ID,
  checkedAt: '2025-03-01T06:30:00.000Z',
  verdict: 'consistent',
  reasons: [],
  industry: { code: 'M73', name_zh: '研究和试验发展' },
  site: { geometry: { type: 'Point', coordinates: [112.03, 27.03] }, bbox: [0, 0, 0, 0] },
  units: [],
  zones: [],
  nearby: { within_m: 5000, zones: [], truncated: false },
  rules: [],
  dataset: { illustrative: true },
  dataVersions: {},
  accessList: { rules: 0, sha256: '' },
}

describe('checkIdFrom', () => {
  it('reads the id from the query, trimmed', () => {
    expect(checkIdFrom(`?id=${ID}`)).toBe(ID)
    expect(checkIdFrom(`?x=1&id=%20${ID}%20`)).toBe(ID)
  })

  it('has no id for a query without one or with an empty one', () => {
    expect(checkIdFrom('')).toBeUndefined()
    expect(checkIdFrom('?id=')).toBeUndefined()
    expect(checkIdFrom('?other=1')).toBeUndefined()
  })
})

describe('reportPath', () => {
  it('puts the id into the query of the report page', () => {
    expect(reportPath(ID)).toBe(`/check/?id=${ID}`)
  })
})

describe('fetchCheck', () => {
  it('asks nothing of the server without an id or for an id of the wrong shape', async () => {
    expect(await fetchCheck(undefined)).toEqual({ kind: 'missing' })
    for (const id of ['abc', `${ID}A`, '../../api/dataset/AAAAAA', `${ID.slice(0, 21)}.`]) {
      expect(await fetchCheck(id)).toEqual({ kind: 'invalid', id })
    }
  })
})

describe('readCheckResponse', () => {
  it('finds the answer of a 200', async () => {
    expect(await readCheckResponse(json(200, answer), ID)).toEqual({ kind: 'found', answer })
  })

  it('reads CHECK_NOT_FOUND and CHECK_ID_INVALID as an unknown and a malformed id', async () => {
    const error = (code: string) => ({ error: { code, message: 'No.', field: 'id' } })

    expect(await readCheckResponse(json(404, error('CHECK_NOT_FOUND')), ID)).toEqual({
      kind: 'not-found',
      id: ID,
    })
    expect(await readCheckResponse(json(400, error('CHECK_ID_INVALID')), ID)).toEqual({
      kind: 'invalid',
      id: ID,
    })
  })

  it('fails on a body that is not a check and on other errors', async () => {
    const server = { kind: 'failed', reason: 'server' }

    expect(await readCheckResponse(json(200, { id: ID }), ID)).toEqual(server)
    expect(await readCheckResponse(new Response('<html>', { status: 200 }), ID)).toEqual(server)
    expect(await readCheckResponse(json(503, { error: { code: 'DB_TIMEOUT' } }), ID)).toEqual(
      server,
    )
    expect(await readCheckResponse(json(404, { error: { code: 'NOT_FOUND' } }), ID)).toEqual(server)
  })
})
