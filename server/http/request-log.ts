import type { Context, Next } from 'koa'
import type { Logger } from 'pino'
import type { Metrics } from '../ops/metrics.ts'
import { newRequestId } from './request-id.ts'
import { routeLabel } from './route-label.ts'

/**
 * One log line per request: method, route pattern (not the raw path, which may carry personal
 * places), status, duration and tile cache outcome, under a request id that is also sent back as
 * X-Request-Id; and the same request counted in the metrics.
 */
export function requestLog(log: Logger, metrics?: Metrics) {
  return async (ctx: Context, next: Next) => {
    const started = performance.now()
    const reqId = newRequestId()
    ctx.state.reqId = reqId
    ctx.set('X-Request-Id', reqId)
    try {
      await next()
    } finally {
      const line = {
        reqId,
        method: ctx.method,
        route: routeLabel(ctx),
        status: ctx.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        cache: ctx.state.cache as string | undefined,
      }
      if (ctx.status >= 500) log.warn(line, 'request')
      else log.info(line, 'request')
      metrics?.requests.route(line.route, ctx.method).record(ctx.status, line.ms / 1000)
    }
  }
}
