import type Router from '@koa/router'
import type { Context } from 'koa'
import type { Database } from '../db/database.ts'
import { badRequest, FieldProblems, HttpError, notFound } from '../http/http-error.ts'
import { createRouter } from '../http/router.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'
import { runAdmissionCheck } from './admission-check.ts'
import { readAdmissionRequest, type AdmissionRequest } from './admission-request.ts'
import { CheckLimit } from './check-limit.ts'
import { checkInputOf, inputSha256 } from './check-input.ts'
import { isCheckId, readCheckAnswer } from './check-store.ts'

export interface AdmissionDeps {
  db: Database
  catalog: LayerCatalog
  /** How far from a site sensitive zones are listed, m. */
  admissionNearbyM: number
}

/** Checks that may wait for their turn before more are refused with 503 CHECKS_BUSY. */
export const CHECKS_WAITING = 200

/**
 * `POST /api/admission-check`: may this project be built on this site? The answer is stored
 * and `GET /api/admission-check/{id}` gives it again, unchanged, whatever the data says later.
 */
export function admissionRoutes(deps: AdmissionDeps): Router {
  const router = createRouter()
  // Half the pool for checks, the rest for everything else; PGlite runs one statement at a
  // time whatever the limit, so one check at a time there lets other requests in between.
  // The queue is long enough for bursts (a busy morning, a load test) to wait, not fail.
  const connections = deps.db.connectionUse().max
  const limit = new CheckLimit(Math.max(1, Math.floor(connections / 2)), CHECKS_WAITING)

  router.post('/api/admission-check', (ctx) => limit.run(() => check(ctx)))

  async function check(ctx: Context) {
    const { request, industry } = await readAdmissionRequest(ctx, deps.db)
    const check = await runAdmissionCheck(deps.db, request, industry, hashOf(request), {
      layers: await deps.catalog.list(),
      nearbyM: deps.admissionNearbyM,
    })
    // The answer names the site and the project: for the client only, and kept at its own URL.
    ctx.set('Cache-Control', 'no-store')
    ctx.set('Content-Location', `/api/admission-check/${check.answer.id}`)
    ctx.type = 'application/json'
    ctx.body = check.text
  }

  router.get('/api/admission-check/:id', async (ctx) => {
    const id = ctx.params.id ?? ''
    if (!isCheckId(id)) {
      const message = 'id must be a check id: the 22 letters, digits, - and _ a check answered.'
      throw badRequest('CHECK_ID_INVALID', message, 'id')
    }
    const answer = await readCheckAnswer(deps.db, id)
    if (answer === undefined) {
      throw notFound('CHECK_NOT_FOUND', `No admission check has id ${id}.`, 'id')
    }
    // A stored answer never changes; it is still the client's own.
    ctx.set('Cache-Control', 'private, max-age=31536000, immutable')
    ctx.type = 'application/json'
    ctx.body = answer
  })

  return router
}

/** The input's hash; a site nested too deep to hash is a problem of its field, listed alike. */
function hashOf(request: AdmissionRequest): string {
  try {
    return inputSha256(checkInputOf(request))
  } catch (error) {
    if (error instanceof HttpError && error.field) throw new FieldProblems([error])
    throw error
  }
}
