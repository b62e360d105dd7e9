import { describe, expect, it } from 'vitest'
import {
  FILE_FIELD,
  precheckInit,
  readPrecheckResponse,
} from '../../../portal/src/precheck/precheck-client.ts'

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

const answer = {
  id: 'BuNh1BmzURocidy04FDe7A',
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
const point = { type: 'Point' as const, coordinates: [112.1, 27.05] }

describe('precheckInit', () => {
  it('sends a drawn site as JSON', () => {
    const init = precheckInit({
      site: 'drawn',
      geometry: point,
      industry: 'C26',
      projectKind: 'new',
    })
    expect(init.method).toBe('POST')
    expect(init.headers).toMatchObject({ 'content-type': 'application/json' })
    expect(JSON.parse(init.body as string)).toEqual({
      geometry: point,
      industry: 'C26',
      projectKind: 'new',
    })
  })

  it('sends a file as a form with its name, the crs when given, and the project', () => {
    const file = new Blob(['{}'])
    const init = precheckInit({
      site: 'file',
      file,
      fileName: '用地.geojson',
      crs: 'EPSG:4526',
      industry: 'C2614',
      projectKind: 'expansion',
    })
    const form = init.body as FormData
    expect(init.headers).not.toHaveProperty('content-type')
    expect((form.get(FILE_FIELD) as File).name).toBe('用地.geojson')
    expect([form.get('crs'), form.get('industry'), form.get('projectKind')]).toEqual([
      'EPSG:4526',
      'C2614',
      'expansion',
    ])
  })

  it('sends typed text in its own field and leaves out a default crs', () => {
    const init = precheckInit({
      site: 'text',
      field: 'boundaryPoints',
      text: 'J1, 1, 2',
      industry: 'M73',
      projectKind: 'new',
    })
    const form = init.body as FormData
    expect(form.get('boundaryPoints')).toBe('J1, 1, 2')
    expect(form.has('crs')).toBe(false)
    expect([...form.keys()].sort()).toEqual(['boundaryPoints', 'industry', 'projectKind'])
  })
})

describe('readPrecheckResponse', () => {
  it('reads an answer', async () => {
    expect(await readPrecheckResponse(json(200, answer))).toEqual({ kind: 'answered', answer })
  })

  it('reads a refusal with its code, message and field', async () => {
    const error = { code: 'CRS_REQUIRED', message: 'Metres need a crs.', field: 'crs' }
    expect(await readPrecheckResponse(json(422, { error }))).toEqual({
      kind: 'refused',
      status: 422,
      ...error,
    })
    const bare = new Response('Payload Too Large', { status: 413 })
    expect(await readPrecheckResponse(bare)).toEqual({ kind: 'refused', status: 413 })
  })

  it('reads every problem a refusal lists, leaving out entries that are none', async () => {
    const first = { code: 'WKT_INVALID', message: 'wkt is not valid WKT.', field: 'wkt' }
    const listed = {
      error: {
        ...first,
        problems: [
          first,
          { code: 'INDUSTRY_UNKNOWN', message: 'industry C1311 is not…', field: 'industry' },
          'not a problem',
          { code: 7, message: 'a code that is no text' },
        ],
      },
    }
    expect(await readPrecheckResponse(json(422, listed))).toEqual({
      kind: 'refused',
      status: 422,
      ...first,
      problems: [
        first,
        { code: 'INDUSTRY_UNKNOWN', message: 'industry C1311 is not…', field: 'industry' },
        { message: 'a code that is no text' },
      ],
    })
    const none = { error: { ...first, problems: [] } }
    expect(await readPrecheckResponse(json(422, none))).toEqual({
      kind: 'refused',
      status: 422,
      ...first,
    })
  })

  it('fails on a server error and on an answer of the wrong shape', async () => {
    const timeout = { error: { code: 'DATABASE_TIMEOUT', message: 'Try again.' } }
    expect(await readPrecheckResponse(json(503, timeout))).toEqual({
      kind: 'failed',
      reason: 'server',
    })
    expect(await readPrecheckResponse(json(200, { id: 'x' }))).toEqual({
      kind: 'failed',
      reason: 'server',
    })
  })
})
