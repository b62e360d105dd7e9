import type { Metric, Registry } from 'prom-client'

/** Upper bounds of the latency buckets, seconds. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

const REQUESTS = 'ecozoning_http_requests_total'
const DURATION = 'ecozoning_http_request_duration_seconds'

/** The requests of one route pattern and method: counted by status, timed into buckets. */
export class RouteRequests {
  readonly route: string
  readonly method: string
  readonly byStatus = new Map<number, number>()
  /** Requests per latency bucket, not cumulative; the last one is past every bound. */
  readonly buckets = new Float64Array(LATENCY_BUCKETS.length + 1)
  seconds = 0
  count = 0

  constructor(route: string, method: string) {
    this.route = route
    this.method = method
  }

  record(status: number, seconds: number) {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1)
    let bucket = 0
    while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]!) bucket++
    this.buckets[bucket]!++
    this.seconds += seconds
    this.count++
  }

  reset() {
    this.byStatus.clear()
    this.buckets.fill(0)
    this.seconds = 0
    this.count = 0
  }
}

/**
 * Requests by route pattern, method and status, and their latency, as Prometheus counter and
 * histogram. A request costs a map lookup and a few additions; the series are written out only
 * when scraped. prom-client's own metrics build a label key string on every update, a cost the
 * warm tile path, answering in tens of microseconds, feels.
 */
export class RequestMetrics {
  readonly #routes = new Map<string, RouteRequests>()

  /** Registers the counter and the histogram with the registry. */
  constructor(registry: Registry) {
    const routes = () => [...this.#routes.values()]
    // Zeroed, not dropped: the tile fast path keeps its series.
    const reset = () => routes().forEach((series) => series.reset())
    registry.registerMetric(
      scraped(REQUESTS, 'HTTP requests by route pattern, method and status', 'counter', reset, () =>
        routes().flatMap(({ route, method, byStatus }) =>
          [...byStatus].map(([status, value]) => ({ labels: { route, method, status }, value })),
        ),
      ),
    )
    registry.registerMetric(
      scraped(DURATION, 'HTTP request duration by route pattern', 'histogram', reset, () =>
        routes().flatMap(histogramSamples),
      ),
    )
  }

  /** The series of a route pattern and method, made on first use; keep it to update it often. */
  route(route: string, method: string): RouteRequests {
    const key = `${method} ${route}`
    let series = this.#routes.get(key)
    if (!series) {
      series = new RouteRequests(route, method)
      this.#routes.set(key, series)
    }
    return series
  }
}

function histogramSamples({ route, method, buckets, seconds, count }: RouteRequests): Sample[] {
  const samples: Sample[] = []
  let cumulative = 0
  for (let i = 0; i <= LATENCY_BUCKETS.length; i++) {
    cumulative += buckets[i]!
    samples.push({
      metricName: `${DURATION}_bucket`,
      labels: { le: i < LATENCY_BUCKETS.length ? LATENCY_BUCKETS[i]! : '+Inf', route, method },
      value: cumulative,
    })
  }
  samples.push({ metricName: `${DURATION}_sum`, labels: { route, method }, value: seconds })
  samples.push({ metricName: `${DURATION}_count`, labels: { route, method }, value: count })
  return samples
}

interface Sample {
  metricName?: string
  labels: Record<string, string | number>
  value: number
}

/** A metric in the shape prom-client's registry reads: samples made when it is scraped. */
function scraped(
  name: string,
  help: string,
  type: 'counter' | 'histogram',
  reset: () => void,
  samples: () => Sample[],
): Metric {
  const get = async () => ({ name, help, type, aggregator: 'sum', values: samples() })
  return { name, help, type, aggregator: 'sum', get, reset } as unknown as Metric
}
