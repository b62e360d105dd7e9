import { Counter, Histogram, Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { LATENCY_BUCKETS, RequestMetrics } from '../../server/ops/request-metrics.ts'

const OBSERVATIONS: [string, string, number, number][] = [
  ['/tiles/:layer/:z/:x/:file', 'GET', 200, 0.0004],
  ['/tiles/:layer/:z/:x/:file', 'GET', 204, 0.001],
  ['/tiles/:layer/:z/:x/:file', 'GET', 200, 0.0031],
  ['/api/lookup', 'GET', 200, 0.04],
  ['/api/lookup', 'GET', 400, 3],
  ['/api/reports', 'POST', 201, 0.25],
  ['/tiles/:layer/:z/:x/:file', 'GET', 304, 0.0025],
]

/** The same observations through prom-client's own counter and histogram. */
async function promClientText(): Promise<string> {
  const registry = new Registry()
  const requests = new Counter({
    name: 'ecozoning_http_requests_total',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'ecozoning_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern',
    labelNames: ['route', 'method'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  })
  for (const [route, method, status, seconds] of OBSERVATIONS) {
    requests.inc({ route, method, status })
    duration.observe({ route, method }, seconds)
  }
  return registry.metrics()
}

/** Sample lines, sorted: the two write series in their own orders. */
const samples = (text: string) =>
  text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .sort()

describe('request metrics', () => {
  it('writes what prom-client writes for the same requests', async () => {
    const registry = new Registry()
    const metrics = new RequestMetrics(registry)
    for (const [route, method, status, seconds] of OBSERVATIONS) {
      metrics.route(route, method).record(status, seconds)
    }
    const ours = await registry.metrics()
    expect(samples(ours)).toEqual(samples(await promClientText()))
    expect(ours).toContain('# TYPE ecozoning_http_request_duration_seconds histogram')
    expect(ours).toContain('# TYPE ecozoning_http_requests_total counter')
  })

  it('keeps a series it handed out counting after a reset', async () => {
    const registry = new Registry()
    const metrics = new RequestMetrics(registry)
    const tiles = metrics.route('/tiles/:layer/:z/:x/:file', 'GET')
    tiles.record(200, 0.001)
    registry.resetMetrics()
    tiles.record(204, 0.002)
    const text = await registry.metrics()
    expect(text).not.toContain('status="200"')
    const series = 'route="/tiles/:layer/:z/:x/:file",method="GET",status="204"'
    expect(text).toContain(`ecozoning_http_requests_total{${series}} 1`)
  })
})
