import type { Database } from '../db/database.ts'
import { freeTextProblem } from '../db/text-characters.ts'
import { describeValue } from '../http/describe-value.ts'
import { HttpError, badRequest, notFound } from '../http/http-error.ts'
import { EXTENSION_MAX_DAYS } from '../reports/report-deadline.ts'
import {
  OPEN_STATUSES,
  REPORT_STATUSES,
  canMove,
  isReportStatus,
  nextStatuses,
  type ReportStatus,
} from '../reports/report-status.ts'
import { writeAudit } from './audit-log.ts'
import type { StaffMember } from './staff-store.ts'

export interface TransitionRequest {
  to: ReportStatus
  note: string | null
  referredTo: string | null
  assignee: string | null
}

const TRANSITION_FIELDS = ['to', 'note', 'referredTo', 'assignee']

/**
 * Reads a status change: `to` (a status), `note` (up to 2,000 characters), `referredTo` (the
 * authority, required for `referred`) and `assignee` (who is to handle it, required for
 * `assigned`). Throws a 400 naming the field.
 */
export function readTransition(body: unknown): TransitionRequest {
  const fields = objectBody(body, TRANSITION_FIELDS)
  const { to } = fields
  if (!isReportStatus(to) || to === 'received') {
    const statuses = REPORT_STATUSES.slice(1).join(', ')
    const message = `to must be one of ${statuses}, got ${describeValue(to)}.`
    throw badRequest(to === undefined ? 'PARAMETER_MISSING' : 'STATUS_INVALID', message, 'to')
  }
  const request = {
    to,
    note: optionalText(fields.note, 'note', 2000),
    referredTo: optionalText(fields.referredTo, 'referredTo', 200),
    assignee: optionalText(fields.assignee, 'assignee', 64),
  }
  if (to === 'referred' && !request.referredTo) {
    const message = 'referredTo is required for referred: the authority the report belongs to.'
    throw badRequest('PARAMETER_MISSING', message, 'referredTo')
  }
  if (to !== 'referred' && request.referredTo) {
    throw badRequest('FIELD_INVALID', 'referredTo goes only with to: referred.', 'referredTo')
  }
  if (to === 'assigned' && !request.assignee) {
    const message = 'assignee is required for assigned: who is to handle the report.'
    throw badRequest('PARAMETER_MISSING', message, 'assignee')
  }
  if (to !== 'assigned' && request.assignee) {
    throw badRequest('FIELD_INVALID', 'assignee goes only with to: assigned.', 'assignee')
  }
  return request
}

/**
 * Moves a report to `request.to` when its current status allows it, recording the event (who,
 * when, note) and an audit entry in one transaction. Acceptance starts the closure deadline.
 * Throws a 404 for an unknown report and a 409 TRANSITION_NOT_ALLOWED, naming the statuses it
 * may go to, for a step skipped or taken back.
 */
export async function moveReport(
  db: Database,
  code: string,
  staff: StaffMember,
  request: TransitionRequest,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [report] = await tx.query<{ id: number; status: ReportStatus }>(
      'SELECT id::integer AS id, status FROM reports WHERE tracking_code = $1 FOR UPDATE',
      [code],
    )
    if (!report) throw notFound('REPORT_NOT_FOUND', `No report has tracking code ${code}.`, 'code')
    if (!canMove(report.status, request.to)) {
      const next = nextStatuses(report.status)
      const allowed = next.length > 0 ? `it may go to ${next.join(' or ')}` : 'it is finished'
      const message = `A report that is ${report.status} cannot become ${request.to}; ${allowed}.`
      throw new HttpError(409, 'TRANSITION_NOT_ALLOWED', message, 'to')
    }

    await tx.query(
      `UPDATE reports
          SET status = $2,
              accepted_at = CASE WHEN $2 = 'accepted' THEN now() ELSE accepted_at END,
              closed_at = CASE WHEN $2 IN ('closed', 'referred') THEN now() ELSE closed_at END,
              referred_to = coalesce($3, referred_to),
              assignee = coalesce($4, assignee)
        WHERE id = $1`,
      [report.id, request.to, request.referredTo, request.assignee],
    )
    await tx.query(
      `INSERT INTO report_events (report_id, status, actor, note, referred_to, assignee)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [report.id, request.to, staff.name, request.note, request.referredTo, request.assignee],
    )
    await writeAudit(tx, {
      actor: staff.name,
      action: 'report.moved',
      reportId: report.id,
      detail: { from: report.status, to: request.to, role: staff.role },
    })
  })
}

export interface ExtensionRequest {
  days: number
  reason: string
}

/** Reads an extension: `days` (1–30) and `reason` (1–500 characters). Throws a 400. */
export function readExtension(body: unknown): ExtensionRequest {
  const fields = objectBody(body, ['days', 'reason'])
  const { days } = fields
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) {
    const message =
      `days must be a whole number from 1 to ${EXTENSION_MAX_DAYS}, ` +
      `got ${describeValue(days)}.`
    throw badRequest(
      days === undefined ? 'PARAMETER_MISSING' : 'PARAMETER_INVALID',
      message,
      'days',
    )
  }
  if (days > EXTENSION_MAX_DAYS) {
    const message = `An extension may add at most ${EXTENSION_MAX_DAYS} days, not ${days}.`
    throw badRequest('EXTENSION_TOO_LONG', message, 'days')
  }
  const reason = optionalText(fields.reason, 'reason', 500)
  if (!reason) {
    throw badRequest('PARAMETER_MISSING', 'reason is required: why more time is needed.', 'reason')
  }
  return { days, reason }
}

/**
 * Extends an accepted, unclosed report's closure deadline, once. Throws a 404 for an unknown
 * report and a 409 when it is not between acceptance and closure or was extended before.
 */
export async function extendReport(
  db: Database,
  code: string,
  staff: StaffMember,
  request: ExtensionRequest,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [report] = await tx.query<{
      id: number
      status: ReportStatus
      extension_days: number | null
    }>(
      `SELECT id::integer AS id, status, extension_days FROM reports
        WHERE tracking_code = $1 FOR UPDATE`,
      [code],
    )
    if (!report) throw notFound('REPORT_NOT_FOUND', `No report has tracking code ${code}.`, 'code')
    if (!OPEN_STATUSES.includes(report.status)) {
      const message =
        'Only an accepted report not yet closed has a closure deadline to extend; ' +
        `this one is ${report.status}.`
      throw new HttpError(409, 'EXTENSION_NOT_ALLOWED', message)
    }
    if (report.extension_days !== null) {
      const message =
        `This report's deadline was extended already, by ${report.extension_days} days; ` +
        'it may be extended once.'
      throw new HttpError(409, 'EXTENSION_ALREADY_GIVEN', message)
    }
    await tx.query('UPDATE reports SET extension_days = $2, extension_reason = $3 WHERE id = $1', [
      report.id,
      request.days,
      request.reason,
    ])
    await writeAudit(tx, {
      actor: staff.name,
      action: 'report.extended',
      reportId: report.id,
      detail: { days: request.days, role: staff.role },
    })
  })
}

function objectBody(body: unknown, allowed: string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('BODY_INVALID', 'The request body must be a JSON object.')
  }
  const unknown = Object.keys(body).find((name) => !allowed.includes(name))
  if (unknown !== undefined) {
    const message = `${describeValue(unknown)} is not a field here; send ${allowed.join(', ')}.`
    throw badRequest('FIELD_UNKNOWN', message, unknown)
  }
  return body as Record<string, unknown>
}

function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') {
    throw badRequest('FIELD_INVALID', `${field} must be text, got ${describeValue(value)}.`, field)
  }
  const text = value.trim()
  if (text.includes('\u0000')) {
    throw badRequest('TEXT_INVALID', `${field} must not contain the NUL character.`, field)
  }
  // The audit log is read on screen and printed: nothing in it may read other than it is.
  const hidden = freeTextProblem(text)
  if (hidden) throw badRequest('TEXT_INVALID', `${field}: ${hidden}`, field)
  if ([...text].length > max) {
    throw badRequest('FIELD_TOO_LONG', `${field} may hold ${max} characters.`, field)
  }
  return text === '' ? null : text
}
