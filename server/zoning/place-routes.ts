import type Router from '@koa/router'
import type { Queryable } from '../db/database.ts'
import { createRouter } from '../http/router.ts'
import { listDistricts } from './district-list.ts'
import { parsePlaceQuery } from './place-query.ts'
import { searchPlaces } from './place-search.ts'

/**
 * `GET /api/search?q=&limit=`: control units, industrial parks and districts by code or name,
 * for the map page's search box. `GET /api/districts`: every district and where its name goes,
 * for the map's labels.
 */
export function placeRoutes(deps: { db: Queryable }): Router {
  const router = createRouter()

  router.get('/api/search', async (ctx) => {
    const query = parsePlaceQuery(ctx.query)
    const found = await searchPlaces(deps.db, query.q, query.limit)
    ctx.body = { q: query.q, limit: query.limit, ...found }
  })

  router.get('/api/districts', async (ctx) => {
    // Districts change only with an import; a minute of staleness costs nothing.
    ctx.set('Cache-Control', 'public, max-age=60')
    ctx.body = { districts: await listDistricts(deps.db) }
  })

  return router
}
