import { describeValue } from '../http/describe-value.ts'
import { normaliseUnitCode } from '../zoning/unit-code.ts'
import { badRequest } from '../http/http-error.ts'
import { REPORT_CATEGORIES } from '../reports/report-category.ts'
import { OVERDUE_SQL } from '../reports/report-deadline.ts'
import { PRIORITIES } from '../reports/report-priority.ts'
import { REPORT_STATUSES } from '../reports/report-status.ts'

type Query = Record<string, string | string[] | undefined>

/** Conditions on `reports r` with their bound parameters, and the page asked for. */
export interface ReportFilter {
  where: string
  params: unknown[]
  limit: number
  offset: number
  /** The filters as read, for the audit log and the answer. */
  applied: Record<string, unknown>
}

const PARAMETERS = [
  'district',
  'unit',
  'category',
  'status',
  'priority',
  'from',
  'to',
  'overdue',
  'limit',
  'offset',
]

/**
 * Reads a report list's query: `district` (a 6-digit administrative code), `unit` (a unit
 * code), `category`, `status` and `priority` (each one value or several, comma-separated),
 * `from` and `to` (dates, YYYY-MM-DD, of receipt in China Standard Time, both inclusive),
 * `overdue` (true or false), `limit` (1–`maxLimit`, default `defaultLimit`) and `offset`
 * (0–1,000,000).
 * Throws a 400 naming the parameter for an unknown, repeated or malformed one.
 */
export function readReportFilter(query: Query, maxLimit = 500, defaultLimit = 50): ReportFilter {
  const conditions: string[] = []
  const params: unknown[] = []
  const applied: Record<string, unknown> = {}
  const bind = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }

  for (const name of Object.keys(query)) {
    if (!PARAMETERS.includes(name)) {
      const message = `${describeValue(name)} is not a filter; use ${PARAMETERS.join(', ')}.`
      throw badRequest('PARAMETER_UNKNOWN', message, name)
    }
  }
  const text = (name: string): string | undefined => {
    const value = query[name]
    if (Array.isArray(value)) {
      throw badRequest('PARAMETER_REPEATED', `${name} must be given once.`, name)
    }
    return value === undefined || value.trim() === '' ? undefined : value.trim()
  }

  const district = text('district')
  if (district !== undefined) {
    if (!/^\d{6}$/.test(district)) {
      const message =
        'district must be a 6-digit administrative code, ' + `got ${describeValue(district)}.`
      throw badRequest('PARAMETER_INVALID', message, 'district')
    }
    conditions.push(`r.district_adcode = ${bind(Number(district))}`)
    applied.district = Number(district)
  }

  const given = text('unit')
  if (given !== undefined) {
    // Read as the unit pages read it: zh43040720001 is the same unit.
    const unit = normaliseUnitCode(given)
    if (!unit) {
      const message = `unit must be a unit code such as ZH43040720001, got ${describeValue(given)}.`
      throw badRequest('PARAMETER_INVALID', message, 'unit')
    }
    conditions.push(`r.unit_code = ${bind(unit)}`)
    applied.unit = unit
  }

  const lists: [string, readonly string[]][] = [
    ['category', REPORT_CATEGORIES],
    ['status', REPORT_STATUSES],
    ['priority', PRIORITIES],
  ]
  for (const [name, allowed] of lists) {
    const value = text(name)
    if (value === undefined) continue
    const values = value.split(',').map((v) => v.trim())
    const wrong = values.find((v) => !allowed.includes(v))
    if (wrong !== undefined) {
      const message = `${name} must be among ${allowed.join(', ')}, got ${describeValue(wrong)}.`
      throw badRequest('PARAMETER_INVALID', message, name)
    }
    conditions.push(`r.${name} = ANY(${bind(values)}::text[])`)
    applied[name] = values
  }

  const from = text('from')
  const to = text('to')
  const fromTime = from === undefined ? undefined : dayStart(from, 'from')
  const toTime = to === undefined ? undefined : dayStart(to, 'to')
  if (fromTime && toTime && fromTime > toTime) {
    throw badRequest('PARAMETER_INVALID', `from (${from}) is after to (${to}).`, 'from')
  }
  if (fromTime) {
    conditions.push(`r.received_at >= ${bind(fromTime.toISOString())}`)
    applied.from = from
  }
  if (toTime) {
    const end = new Date(toTime.getTime() + 86_400_000)
    conditions.push(`r.received_at < ${bind(end.toISOString())}`)
    applied.to = to
  }

  const overdue = text('overdue')
  if (overdue !== undefined) {
    if (overdue !== 'true' && overdue !== 'false') {
      const message = `overdue must be true or false, got ${describeValue(overdue)}.`
      throw badRequest('PARAMETER_INVALID', message, 'overdue')
    }
    conditions.push(overdue === 'true' ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`)
    applied.overdue = overdue === 'true'
  }

  return {
    where: conditions.length > 0 ? conditions.join(' AND ') : 'true',
    params,
    limit: integer(text('limit'), 'limit', 1, maxLimit) ?? defaultLimit,
    offset: integer(text('offset'), 'offset', 0, 1_000_000) ?? 0,
    applied,
  }
}

/** The years a date filter may name. */
const FIRST_YEAR = 2000
const LAST_YEAR = 2999

/** Midnight at the start of a YYYY-MM-DD day in China Standard Time (UTC+8). */
function dayStart(value: string, name: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const time = match ? new Date(`${value}T00:00:00+08:00`) : undefined
  // A date that rolls over (2024-02-30) is not the one asked for.
  if (!time || Number.isNaN(time.getTime()) || dayOf(time) !== value) {
    const message = `${name} must be a date as YYYY-MM-DD, got ${describeValue(value)}.`
    throw badRequest('PARAMETER_INVALID', message, name)
  }
  // Before the year 1000 the UTC instant of a Chinese midnight falls in another year, which the
  // databases spell in ways they then cannot read; no report is that old or that far ahead.
  const year = Number(match![1])
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    const message = `${name} must be a date from ${FIRST_YEAR} to ${LAST_YEAR}, got ${value}.`
    throw badRequest('PARAMETER_INVALID', message, name)
  }
  return time
}

function dayOf(time: Date): string {
  return new Date(time.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

function integer(value: string | undefined, name: string, min: number, max: number) {
  if (value === undefined) return undefined
  const number = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isInteger(number) || number < min || number > max) {
    const message =
      `${name} must be a whole number from ${min} to ${max}, ` + `got ${describeValue(value)}.`
    throw badRequest('PARAMETER_INVALID', message, name)
  }
  return number
}
