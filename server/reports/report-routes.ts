import type Router from '@koa/router'
import type { Context } from 'koa'
import type { Logger } from 'pino'
import type { Database } from '../db/database.ts'
import { FieldProblems, HttpError, badRequest, notFound } from '../http/http-error.ts'
import { createRouter } from '../http/router.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'
import type { CleanPhoto } from './photo-metadata.ts'
import { placeReport } from './report-enrichment.ts'
import { readReportFields } from './report-fields.ts'
import { readReportForm } from './report-upload.ts'
import { readEvents, readReport, saveReport } from './report-store.ts'
import { publicReportView } from './report-view.ts'
import { rateLimit, type RateLimitStore } from './rate-limit.ts'
import { parseTrackingCode } from './tracking-code.ts'

/** The largest JSON report: a description of 2,000 characters and a contact fit many times. */
export const REPORT_JSON_LIMIT_BYTES = 32 * 1024

export interface ReportDeps {
  db: Database
  catalog: LayerCatalog
  log: Logger
  rateLimits: RateLimitStore
  /** Reports a client may submit per hour. */
  reportsPerHour: number
  /** Tracking-code lookups a client may make per minute. */
  reportLookupsPerMinute: number
}

/**
 * The public side of pollution reports: `POST /api/reports` takes a report and answers its
 * tracking code once it is stored; `GET /api/reports/{code}` tells its status and history.
 */
export function reportRoutes(deps: ReportDeps): Router {
  const router = createRouter()
  const submissions = rateLimit(
    deps.rateLimits,
    { name: 'report submissions', limit: deps.reportsPerHour, windowMs: 3_600_000 },
    deps.log,
  )
  const lookups = rateLimit(
    deps.rateLimits,
    { name: 'report lookups', limit: deps.reportLookupsPerMinute, windowMs: 60_000 },
    deps.log,
  )

  router.post('/api/reports', submissions, async (ctx) => {
    // A form's photos are checked as it is read, before its fields, and refused without them:
    // in the fields' list they would lead out of the form's order, or follow and change the
    // code the answer has always led with.
    const { fields, photos, form } = await readReportBody(ctx)
    const now = new Date()
    const report = readReportFields(fields, form, now)
    const layers = await deps.catalog.list()
    const place = await placeReport(deps.db, layers, report.location).catch((error: unknown) => {
      // A place outside the zoning is a problem of a field like those above, listed alike.
      if (error instanceof HttpError && error.field) throw new FieldProblems([error])
      throw error
    })
    const stored = await saveReport(deps.db, report, place, photos)

    const row = await readReport(deps.db, stored.trackingCode)
    const events = await readEvents(deps.db, stored.id)
    ctx.status = 201
    ctx.set('Cache-Control', 'no-store')
    ctx.set('Location', `/api/reports/${stored.trackingCode}`)
    ctx.body = publicReportView(row!, events, now)
  })

  router.get('/api/reports/:code', lookups, async (ctx) => {
    const given = ctx.params.code ?? ''
    const code = parseTrackingCode(given)
    if (!code) {
      const message =
        'code must be a tracking code: 20 letters and digits, in groups of five with or ' +
        'without hyphens, in any case.'
      throw badRequest('TRACKING_CODE_INVALID', message, 'code')
    }
    const row = await readReport(deps.db, code)
    if (!row) throw notFound('REPORT_NOT_FOUND', `No report has tracking code ${code}.`, 'code')
    ctx.set('Cache-Control', 'no-store')
    ctx.body = publicReportView(row, await readEvents(deps.db, row.id), new Date())
  })

  return router
}

async function readReportBody(
  ctx: Context,
): Promise<{ fields: Record<string, unknown>; photos: CleanPhoto[]; form: boolean }> {
  if (ctx.is('multipart/form-data')) return { ...(await readReportForm(ctx)), form: true }
  if (!ctx.is('application/json')) {
    const message =
      'Send the report as JSON (Content-Type: application/json), or as multipart/form-data ' +
      'with photos.'
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', message)
  }
  const raw = (ctx.request as { rawBody?: string }).rawBody ?? ''
  if (Buffer.byteLength(raw) > REPORT_JSON_LIMIT_BYTES) {
    const message = `A JSON report may be at most ${REPORT_JSON_LIMIT_BYTES / 1024} KB.`
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', message)
  }
  const body = ctx.request.body
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('BODY_INVALID', 'The request body must be a JSON object.')
  }
  return { fields: body as Record<string, unknown>, photos: [], form: false }
}
