import { OPEN_STATUSES } from './report-status.ts'

/** Days the bureau has to accept or refer a report, from its receipt. */
export const ACCEPT_WITHIN_DAYS = 15
/** Days the bureau has to close an accepted report, from its acceptance. */
export const CLOSE_WITHIN_DAYS = 60
/** The one extension of the closure deadline may add at most this many days. */
export const EXTENSION_MAX_DAYS = 30

const DAY_MS = 86_400_000

export interface DeadlineInput {
  status: string
  receivedAt: Date
  acceptedAt: Date | null
  extensionDays: number | null
}

export interface Deadlines {
  /** When acceptance (or referral) is due: receipt plus 15 days. */
  acceptBy: Date
  /** When closure is due: acceptance plus 60 days and any extension; null before acceptance. */
  closeBy: Date | null
  /** The deadline passed while its step is still undone, or null. */
  overdue: 'acceptance' | 'closure' | null
}

/**
 * A report's deadlines in calendar days (24-hour periods from the event, not working days),
 * and which of them has passed at `now` with its step undone. Referred and closed reports are
 * never overdue.
 */
export function reportDeadlines(report: DeadlineInput, now: Date): Deadlines {
  const acceptBy = new Date(report.receivedAt.getTime() + ACCEPT_WITHIN_DAYS * DAY_MS)
  const closeBy = report.acceptedAt
    ? new Date(
        report.acceptedAt.getTime() + (CLOSE_WITHIN_DAYS + (report.extensionDays ?? 0)) * DAY_MS,
      )
    : null
  let overdue: Deadlines['overdue'] = null
  if (report.status === 'received' && now > acceptBy) overdue = 'acceptance'
  if (OPEN_STATUSES.includes(report.status as never) && closeBy && now > closeBy) {
    overdue = 'closure'
  }
  return { acceptBy, closeBy, overdue }
}

/**
 * SQL that is true for the overdue reports of table alias `r`, the same rule as
 * reportDeadlines, for filtering lists in the database.
 */
export const OVERDUE_SQL = `(
  (r.status = 'received'
     AND now() > r.received_at + make_interval(days => ${ACCEPT_WITHIN_DAYS}))
  OR (r.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})
     AND now() > r.accepted_at
                 + make_interval(days => ${CLOSE_WITHIN_DAYS} + coalesce(r.extension_days, 0))))`
