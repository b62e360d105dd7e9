import { describe, expect, it } from 'vitest'
import { countRequests, REPORT_ROUTE, summariseLog } from '../../bench/mixed-load.ts'

describe('the request counters of /metrics', () => {
  // Lines as prom-client writes them, the labels in the order the counter declares them.
  const METRICS = `# HELP ecozoning_http_requests_total HTTP requests by route, method and status
# TYPE ecozoning_http_requests_total counter
ecozoning_http_requests_total{route="/tiles/:layer/:z/:x/:file",method="GET",status="200"} 9556
ecozoning_http_requests_total{route="/tiles/:layer/:z/:x/:file",method="GET",status="204"} 5768
ecozoning_http_requests_total{route="/api/reports",method="POST",status="201"} 371
ecozoning_http_requests_total{route="/api/admission-check",method="POST",status="503"} 2
ecozoning_http_request_duration_seconds_bucket{le="0.005",route="/api/lookup",method="GET"} 3
ecozoning_tile_cache_hits_total 100
`

  it('reads each counter by method, route and status, and nothing else', () => {
    expect(countRequests(METRICS)).toEqual(
      new Map([
        ['GET /tiles/:layer/:z/:x/:file 200', 9556],
        ['GET /tiles/:layer/:z/:x/:file 204', 5768],
        ['POST /api/reports 201', 371],
        ['POST /api/admission-check 503', 2],
      ]),
    )
    expect(countRequests(METRICS).get(`${REPORT_ROUTE} 201`)).toBe(371)
  })
})

describe('the server log summary', () => {
  it('groups warnings and errors by message, most frequent first, and skips the rest', () => {
    const lines = [
      { level: 30, msg: 'request' },
      { level: 50, msg: 'request failed', err: { message: 'boom' } },
      { level: 40, msg: 'query timed out', err: { message: 'canceling statement' } },
      { level: 50, msg: 'request failed', err: { message: 'boom' } },
      { level: 50, msg: 'request failed', err: { message: 'other' } },
    ].map((line) => JSON.stringify(line))
    expect(summariseLog([...lines, 'not json', ''].join('\n'))).toEqual([
      { level: 'error', message: 'request failed: boom', count: 2 },
      { level: 'warn', message: 'query timed out: canceling statement', count: 1 },
      { level: 'error', message: 'request failed: other', count: 1 },
    ])
  })

  it('is empty for a log without warnings', () => {
    expect(summariseLog('')).toEqual([])
    expect(summariseLog(JSON.stringify({ level: 30, msg: 'request' }))).toEqual([])
  })
})
