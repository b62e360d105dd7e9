import type Router from '@koa/router'
import type { Queryable } from '../db/database.ts'
import { notFound } from '../http/http-error.ts'
import { createRouter } from '../http/router.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'
import { ruleView } from './rule-view.ts'
import { parseUnitCode } from './unit-code.ts'
import { unitDetail } from './unit-detail.ts'

export interface UnitRouteDeps {
  db: Queryable
  catalog: LayerCatalog
}

/**
 * `GET /api/units/{code}`: one control unit with its area, extent, the zones overlapping it and
 * the rules in force there, for the portal's unit pages.
 */
export function unitRoutes(deps: UnitRouteDeps): Router {
  const router = createRouter()

  router.get('/api/units/:code', async (ctx) => {
    const code = parseUnitCode(ctx.params.code)
    // The dataset notice comes with the layers, from the catalogue's one read of both.
    const [layers, dataset] = await Promise.all([deps.catalog.list(), deps.catalog.dataset()])
    const unit = await unitDetail(deps.db, layers, code)
    if (!unit) {
      throw notFound('UNIT_NOT_FOUND', `No control unit has the code ${code}.`, 'code')
    }

    ctx.body = { ...unit, rules: unit.rules.map(ruleView), dataset }
  })

  return router
}
