import Router from '@koa/router'
import { readDatasetInfo } from '../data/dataset-info.ts'
import type { Queryable } from '../db/database.ts'
import { HttpError, unprocessable } from '../http/http-error.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'
import { assertCovered } from '../zoning/coverage.ts'
import { ruleView } from '../zoning/rule-view.ts'
import { invalidityReason } from '../zoning/site-zoning.ts'
import { zoningAt } from '../zoning/zoning-at.ts'
import { parseAdmissionRequest } from './admission-request.ts'
import { decideVerdict } from './verdict.ts'

export interface AdmissionDeps {
  db: Queryable
  catalog: LayerCatalog
}

/** `POST /api/admission-check`: may this project be built on this site? */
export function admissionRoutes(deps: AdmissionDeps): Router {
  const router = new Router()

  router.post('/api/admission-check', async (ctx) => {
    if (!ctx.is('application/json')) {
      const message = 'Send the check as JSON with Content-Type: application/json.'
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', message)
    }
    const request = parseAdmissionRequest(ctx.request.body)

    const reason = await invalidityReason(deps.db, request.site)
    if (reason) {
      throw unprocessable('GEOMETRY_INVALID', `geometry is not valid: ${reason}.`, 'geometry')
    }
    const industry = await industryByCode(deps.db, request.industry)
    if (!industry) {
      const message = `industry ${request.industry} is not in the GB/T 4754-2017 catalogue.`
      throw unprocessable('INDUSTRY_UNKNOWN', message, 'industry')
    }
    await assertCovered(deps.db, request.site, 'geometry')

    const [zoning, dataset, layers] = await Promise.all([
      zoningAt(deps.db, deps.catalog, request.site),
      readDatasetInfo(deps.db),
      deps.catalog.list(),
    ])
    const verdict = decideVerdict(zoning.rules, request.industry, request.projectKind)

    ctx.body = {
      verdict: verdict.verdict,
      reasons: verdict.reasons,
      industry,
      projectKind: request.projectKind,
      units: zoning.units,
      zones: zoning.zones,
      rules: verdict.rules.map((rule) => ({ ...ruleView(rule), match: rule.match })),
      dataset,
      dataVersions: Object.fromEntries(layers.map((l) => [l.name, l.dataVersion])),
    }
  })

  return router
}

async function industryByCode(db: Queryable, code: string) {
  const [row] = await db.query<{ code: string; name_zh: string; level: string }>(
    'SELECT code, name_zh, level FROM industries WHERE code = $1',
    [code],
  )
  return row
}
