import { randomUUID } from 'node:crypto'
import type { Context, Next } from 'koa'
import type { Logger } from 'pino'

/**
 * One log line per request: method, route pattern (not the raw path, which may carry personal
 * places), status, duration and tile cache outcome, under a request id that is also sent back as
 * X-Request-Id.
 */
export function requestLog(log: Logger) {
  return async (ctx: Context, next: Next) => {
    const started = performance.now()
    const reqId = randomUUID()
    ctx.state.reqId = reqId
    ctx.set('X-Request-Id', reqId)
    try {
      await next()
    } finally {
      const line = {
        reqId,
        method: ctx.method,
        route: (ctx as Context & { routerPath?: string }).routerPath ?? routeOf(ctx.path),
        status: ctx.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        cache: ctx.state.cache as string | undefined,
      }
      if (ctx.status >= 500) log.warn(line, 'request')
      else log.info(line, 'request')
    }
  }
}

/** Static files and unmatched paths keep only their first segment, never coordinates. */
function routeOf(path: string): string {
  const first = path.split('/')[1] ?? ''
  return first.includes('.') || first === '' ? '/' : `/${first}/*`
}
