import type Router from '@koa/router'
import type { Queryable } from '../db/database.ts'
import { createRouter } from '../http/router.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'
import { assertCovered } from './coverage.ts'
import { parsePointQuery } from './point-query.ts'
import { ruleView } from './rule-view.ts'
import { zoningAt } from './zoning-at.ts'

export interface LookupDeps {
  db: Queryable
  catalog: LayerCatalog
}

/** `GET /api/lookup`: the unit, overlay zones and rules in force at a point. */
export function lookupRoutes(deps: LookupDeps): Router {
  const router = createRouter()

  router.get('/api/lookup', async (ctx) => {
    const point = parsePointQuery(ctx.query)
    const site = { type: 'Point' as const, coordinates: [point.lon, point.lat] }
    await assertCovered(deps.db, site, 'lon', { subject: 'The point', otherwise: '' })

    // The dataset notice comes with the layers, from the catalogue's one read of both.
    const [layers, dataset] = await Promise.all([deps.catalog.list(), deps.catalog.dataset()])
    const zoning = await zoningAt(deps.db, layers, site)
    ctx.body = {
      location: { lon: point.lon, lat: point.lat, input: point.input },
      unit: zoning.units[0] ?? null,
      // A point on a shared boundary touches both units; all are listed.
      units: zoning.units,
      zones: zoning.zones,
      rules: zoning.rules.map(ruleView),
      dataset,
    }
  })

  return router
}
