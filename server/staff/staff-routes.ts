import type Router from '@koa/router'
import type { Context } from 'koa'
import type { Database } from '../db/database.ts'
import { HttpError, badRequest, notFound } from '../http/http-error.ts'
import { createRouter } from '../http/router.ts'
import { readEvents, readReport, REPORT_COLUMNS, type ReportRow } from '../reports/report-store.ts'
import { isReportStatus, nextStatuses, type ReportStatus } from '../reports/report-status.ts'
import { parseTrackingCode } from '../reports/tracking-code.ts'
import { readAudit, writeAudit } from './audit-log.ts'
import { findLeads, LEAD_KINDS, type LeadKind } from './lead-query.ts'
import { reportsCsv } from './report-csv.ts'
import { readReportFilter } from './report-filter.ts'
import { extendReport, moveReport, readExtension, readTransition } from './report-transition.ts'
import { requireStaff, staffOf } from './staff-auth.ts'
import { reportDetail, reportSummary, type PhotoInfo } from './staff-report-view.ts'
import { roleAllows, type StaffRole } from './staff-token.ts'

/** The most rows one CSV export holds. */
const CSV_MAX_ROWS = 10_000

export interface StaffDeps {
  db: Database
}

/**
 * The bureau's side of reports, all under /api/staff/ and all behind a staff token: the list
 * with filters, a report in full (with `nextStatuses`, the steps the token may take), its
 * photos, status changes, the one extension, and the audit log. Viewers read; officers also see
 * contacts and move reports; supervisors also close reports, extend deadlines and read the
 * audit log.
 */
export function staffRoutes(deps: StaffDeps): Router {
  const { db } = deps
  const router = createRouter({ prefix: '/api/staff' })
  const viewer = requireStaff(db, 'viewer')
  const officer = requireStaff(db, 'officer')
  const supervisor = requireStaff(db, 'supervisor')

  router.get('/me', viewer, (ctx) => {
    const { name, role } = staffOf(ctx)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { name, role }
  })

  router.get('/reports', viewer, async (ctx) => {
    const filter = readReportFilter(ctx.query)
    const params = [...filter.params, filter.limit, filter.offset]
    const n = filter.params.length
    const [rows, [total]] = await Promise.all([
      db.query<ReportRow>(
        `SELECT ${REPORT_COLUMNS} FROM reports r WHERE ${filter.where}
          ORDER BY r.received_at DESC, r.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        params,
      ),
      db.query<{ count: number }>(
        `SELECT count(*)::integer AS count FROM reports r WHERE ${filter.where}`,
        filter.params,
      ),
    ])
    const now = new Date()
    ctx.set('Cache-Control', 'no-store')
    ctx.body = {
      filters: filter.applied,
      total: total?.count ?? 0,
      limit: filter.limit,
      offset: filter.offset,
      reports: rows.map((row) => reportSummary(row, now)),
    }
  })

  router.get('/reports.csv', viewer, async (ctx) => {
    const filter = readReportFilter(ctx.query, CSV_MAX_ROWS, CSV_MAX_ROWS)
    const n = filter.params.length
    const rows = await db.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM reports r WHERE ${filter.where}
        ORDER BY r.received_at DESC, r.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...filter.params, filter.limit, filter.offset],
    )
    await writeAudit(db, {
      actor: staffOf(ctx).name,
      action: 'reports.exported',
      detail: { filters: filter.applied, rows: rows.length },
    })
    ctx.set('Cache-Control', 'no-store')
    ctx.set('Content-Disposition', 'attachment; filename="reports.csv"')
    ctx.type = 'text/csv; charset=utf-8'
    ctx.body = reportsCsv(rows, new Date())
  })

  router.get('/leads', viewer, async (ctx) => {
    const { kind, district, limit } = ctx.query
    if ([kind, district, limit].some(Array.isArray)) {
      throw badRequest('PARAMETER_REPEATED', 'kind, district and limit are each given once.')
    }
    const unknown = Object.keys(ctx.query).find((k) => !['kind', 'district', 'limit'].includes(k))
    if (unknown !== undefined) {
      throw badRequest('PARAMETER_UNKNOWN', `${unknown} is not a filter of leads.`, unknown)
    }
    const kinds = typeof kind === 'string' && kind !== '' ? kind.split(',') : [...LEAD_KINDS]
    const wrong = kinds.find((k) => !(LEAD_KINDS as readonly string[]).includes(k))
    if (wrong !== undefined) {
      const message = `kind must be among ${LEAD_KINDS.join(', ')}.`
      throw badRequest('PARAMETER_INVALID', message, 'kind')
    }
    if (district !== undefined && !/^\d{6}$/.test(String(district))) {
      const message = 'district must be a 6-digit administrative code.'
      throw badRequest('PARAMETER_INVALID', message, 'district')
    }
    const count = limit === undefined ? 200 : /^\d+$/.test(String(limit)) ? Number(limit) : NaN
    if (!(count >= 1 && count <= 1000)) {
      throw badRequest('PARAMETER_INVALID', 'limit must be a whole number from 1 to 1000.', 'limit')
    }
    const leads = await findLeads(db, {
      kinds: kinds as LeadKind[],
      district: district === undefined ? undefined : Number(district),
      limit: count,
    })
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { leads }
  })

  router.get('/reports/:code', viewer, async (ctx) => {
    const staff = staffOf(ctx)
    const row = await reportOf(ctx, db)
    const showContact = roleAllows(staff.role, 'officer')
    const [events, photos] = await Promise.all([
      readEvents(db, row.id),
      db.query<PhotoInfo>(
        `SELECT position, media_type, octet_length(bytes) AS size
           FROM report_photos WHERE report_id = $1 ORDER BY position`,
        [row.id],
      ),
    ])
    await writeAudit(db, {
      actor: staff.name,
      action: 'report.viewed',
      reportId: row.id,
      detail: { contactShown: showContact && row.contact !== null },
    })
    ctx.set('Cache-Control', 'no-store')
    ctx.body = {
      ...reportDetail(row, events, photos, showContact, new Date()),
      nextStatuses: statusesFor(staff.role, row.status),
    }
  })

  router.get('/reports/:code/photos/:position', viewer, async (ctx) => {
    const row = await reportOf(ctx, db)
    const position = /^[1-3]$/.test(ctx.params.position ?? '') ? Number(ctx.params.position) : NaN
    if (Number.isNaN(position)) {
      throw badRequest('PARAMETER_INVALID', 'position must be 1, 2 or 3.', 'position')
    }
    const [photo] = await db.query<{ media_type: string; bytes: Uint8Array }>(
      'SELECT media_type, bytes FROM report_photos WHERE report_id = $1 AND position = $2',
      [row.id, position],
    )
    if (!photo) {
      throw notFound('PHOTO_NOT_FOUND', `Report ${row.tracking_code} has no photo ${position}.`)
    }
    await writeAudit(db, {
      actor: staffOf(ctx).name,
      action: 'report.photo_viewed',
      reportId: row.id,
      detail: { position },
    })
    ctx.set('Cache-Control', 'private, no-store')
    ctx.set('Content-Disposition', `inline; filename="${row.tracking_code}-${position}"`)
    ctx.type = photo.media_type
    ctx.body = Buffer.from(photo.bytes)
  })

  router.post('/reports/:code/transitions', officer, async (ctx) => {
    const staff = staffOf(ctx)
    const code = codeOf(ctx)
    const request = readTransition(jsonOf(ctx))
    if (request.to === 'closed' && !roleAllows(staff.role, 'supervisor')) {
      const message =
        'Closing a report needs the supervisor role; ' + `the token's role is ${staff.role}.`
      throw new HttpError(403, 'ROLE_FORBIDDEN', message)
    }
    await moveReport(db, code, staff, request)
    await answerDetail(ctx, db, code)
  })

  router.post('/reports/:code/extension', supervisor, async (ctx) => {
    const code = codeOf(ctx)
    await extendReport(db, code, staffOf(ctx), readExtension(jsonOf(ctx)))
    await answerDetail(ctx, db, code)
  })

  router.get('/audit', supervisor, async (ctx) => {
    const { report, limit, before } = ctx.query
    if ([report, limit, before].some(Array.isArray)) {
      throw badRequest('PARAMETER_REPEATED', 'report, limit and before are each given once.')
    }
    const unknown = Object.keys(ctx.query).find((k) => !['report', 'limit', 'before'].includes(k))
    if (unknown !== undefined) {
      const message = `${unknown} is not a parameter of the audit log: report, limit, before.`
      throw badRequest('PARAMETER_UNKNOWN', message, unknown)
    }
    let reportId: number | undefined
    if (typeof report === 'string' && report !== '') {
      const code = parseTrackingCode(report)
      if (!code) throw badRequest('TRACKING_CODE_INVALID', TRACKING_CODE_SHAPE('report'), 'report')
      const row = await readReport(db, code)
      if (!row) throw notFound('REPORT_NOT_FOUND', `No report has tracking code ${code}.`, 'report')
      reportId = row.id
    }
    const count = limit === undefined ? 100 : /^\d+$/.test(String(limit)) ? Number(limit) : NaN
    if (!(count >= 1 && count <= 1000)) {
      throw badRequest('PARAMETER_INVALID', 'limit must be a whole number from 1 to 1000.', 'limit')
    }
    // Digits only, as limit: 1e3 is not an id, and past 2^53 an id is no longer exact.
    const beforeId =
      before === undefined ? undefined : /^\d{1,15}$/.test(String(before)) ? Number(before) : NaN
    if (beforeId !== undefined && !(Number.isInteger(beforeId) && beforeId > 0)) {
      throw badRequest('PARAMETER_INVALID', 'before must be an entry id.', 'before')
    }
    const rows = await readAudit(db, { reportId, limit: count, beforeId })
    ctx.set('Cache-Control', 'no-store')
    ctx.body = {
      entries: rows.map((row) => ({
        id: row.id,
        at: new Date(row.at).toISOString(),
        actor: row.actor,
        action: row.action,
        trackingCode: row.tracking_code,
        detail: row.detail,
      })),
    }
  })

  return router
}

function codeOf(ctx: Context): string {
  const code = parseTrackingCode(String(ctx.params.code ?? ''))
  if (!code) throw badRequest('TRACKING_CODE_INVALID', TRACKING_CODE_SHAPE('code'), 'code')
  return code
}

const TRACKING_CODE_SHAPE = (field: string) =>
  `${field} must be a tracking code: 20 letters and digits in groups of five.`

async function reportOf(ctx: Context, db: Database): Promise<ReportRow> {
  const code = codeOf(ctx)
  const row = await readReport(db, code)
  if (!row) throw notFound('REPORT_NOT_FOUND', `No report has tracking code ${code}.`, 'code')
  return row
}

function jsonOf(ctx: Context): unknown {
  if (!ctx.is('application/json')) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send a JSON body (application/json).')
  }
  return ctx.request.body
}

async function answerDetail(ctx: Context, db: Database, code: string): Promise<void> {
  const row = (await readReport(db, code))!
  const { role } = staffOf(ctx)
  const showContact = roleAllows(role, 'officer')
  const events = await readEvents(db, row.id)
  const photos = await db.query<PhotoInfo>(
    `SELECT position, media_type, octet_length(bytes) AS size
       FROM report_photos WHERE report_id = $1 ORDER BY position`,
    [row.id],
  )
  ctx.set('Cache-Control', 'no-store')
  ctx.body = {
    ...reportDetail(row, events, photos, showContact, new Date()),
    nextStatuses: statusesFor(role, row.status),
  }
}

/**
 * The statuses this role may move a report in `status` to: none for a viewer, and closing only
 * for a supervisor, so a page offers only the steps the token may take.
 */
function statusesFor(role: StaffRole, status: string): ReportStatus[] {
  if (!roleAllows(role, 'officer') || !isReportStatus(status)) return []
  return nextStatuses(status).filter((to) => to !== 'closed' || roleAllows(role, 'supervisor'))
}
