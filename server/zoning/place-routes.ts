import Router from '@koa/router'
import type { Queryable } from '../db/database.ts'
import { parsePlaceQuery } from './place-query.ts'
import { searchPlaces } from './place-search.ts'

/**
 * `GET /api/search?q=&limit=`: control units, industrial parks and districts by code or name,
 * for the map page's search box.
 */
export function placeRoutes(deps: { db: Queryable }): Router {
  const router = new Router()

  router.get('/api/search', async (ctx) => {
    const query = parsePlaceQuery(ctx.query)
    const found = await searchPlaces(deps.db, query.q, query.limit)
    ctx.body = { q: query.q, limit: query.limit, ...found }
  })

  return router
}
