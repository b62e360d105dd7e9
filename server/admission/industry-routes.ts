import type Router from '@koa/router'
import type { Queryable } from '../db/database.ts'
import { describeValue } from '../http/describe-value.ts'
import { badRequest, notFound } from '../http/http-error.ts'
import { createRouter } from '../http/router.ts'
import { industryFamily, searchIndustries } from './industry-catalogue.ts'
import { isIndustryCode } from './industry-match.ts'
import { parseIndustryQuery } from './industry-query.ts'

// The catalogue changes only with an import; a search box may reuse answers for a while.
const CACHE_CONTROL = 'public, max-age=300'

/**
 * `GET /api/industries?q=&limit=`: search the GB/T 4754-2017 catalogue by code or name.
 * `GET /api/industries/{code}`: one industry with its broader and narrower ones.
 */
export function industryRoutes(deps: { db: Queryable }): Router {
  const router = createRouter()

  router.get('/api/industries', async (ctx) => {
    const query = parseIndustryQuery(ctx.query)
    const found = await searchIndustries(deps.db, query.q, query.limit)
    ctx.set('Cache-Control', CACHE_CONTROL)
    ctx.body = { q: query.q, limit: query.limit, ...found }
  })

  router.get('/api/industries/:code', async (ctx) => {
    const given = ctx.params.code ?? ''
    const code = given.trim().toUpperCase()
    if (!isIndustryCode(code)) {
      const message =
        'code must be a GB/T 4754-2017 code (a section letter A–T, alone or with 2 to 4 digits), ' +
        `got ${describeValue(given)}.`
      throw badRequest('INDUSTRY_INVALID', message, 'code')
    }
    const family = await industryFamily(deps.db, code)
    if (!family) {
      throw notFound('INDUSTRY_NOT_FOUND', `industry ${code} is not in the catalogue.`, 'code')
    }
    ctx.set('Cache-Control', CACHE_CONTROL)
    ctx.body = { ...family.industry, ancestors: family.ancestors, children: family.children }
  })

  return router
}
