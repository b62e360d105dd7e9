import { createHash } from 'node:crypto'
import type Router from '@koa/router'
import { matchesIfNoneMatch } from '../http/if-none-match.ts'
import { createRouter } from '../http/router.ts'
import { readHealth, readReadiness, type HealthDeps } from './dependency-health.ts'
import type { Metrics } from './metrics.ts'
import { openApiDocument } from './openapi-document.ts'

// The document changes only with the code: written once, its digest is its validator.
const OPENAPI_TEXT = JSON.stringify(openApiDocument)
const OPENAPI_DIGEST = createHash('sha256').update(OPENAPI_TEXT).digest('base64url')
const OPENAPI_ETAG = `"${OPENAPI_DIGEST.slice(0, 27)}"`

/**
 * `GET /health` (the process answers, and whether the cache does), `GET /ready` (whether this
 * instance should get traffic: database answering, units loaded), `GET /metrics` (Prometheus
 * text format) and `GET /api/openapi.json` (the OpenAPI 3.1 description of the public API, open
 * to any origin).
 */
export function opsRoutes(deps: HealthDeps & { metrics: Metrics }): Router {
  const { metrics } = deps
  const router = createRouter()

  router.get('/health', (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    ctx.body = readHealth(deps)
  })

  router.get('/ready', async (ctx) => {
    const readiness = await readReadiness(deps)
    ctx.set('Cache-Control', 'no-store')
    if (!readiness.ready) {
      ctx.status = 503
      ctx.set('Retry-After', '5')
    }
    ctx.body = readiness
  })

  router.get('/metrics', async (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    ctx.type = metrics.registry.contentType
    ctx.body = await metrics.registry.metrics()
  })

  router.get('/api/openapi.json', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=3600')
    ctx.set('ETag', OPENAPI_ETAG)
    if (matchesIfNoneMatch(ctx.get('If-None-Match'), OPENAPI_ETAG)) {
      ctx.status = 304
      return
    }
    ctx.type = 'application/json'
    ctx.body = OPENAPI_TEXT
  })

  return router
}
