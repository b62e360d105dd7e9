import Router from '@koa/router'
import type { Metrics } from './metrics.ts'

/** `GET /health` (the process answers) and `GET /metrics` (Prometheus text format). */
export function opsRoutes(metrics: Metrics): Router {
  const router = new Router()

  router.get('/health', (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { status: 'ok' }
  })

  router.get('/metrics', async (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    ctx.type = metrics.registry.contentType
    ctx.body = await metrics.registry.metrics()
  })

  return router
}
