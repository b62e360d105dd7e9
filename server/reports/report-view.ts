import { reportDeadlines } from './report-deadline.ts'
import type { EventRow, ReportRow } from './report-store.ts'

/** A report's deadlines as answers show them, in ISO 8601. */
export function deadlinesView(row: ReportRow, now: Date) {
  const deadlines = reportDeadlines(
    {
      status: row.status,
      receivedAt: new Date(row.received_at),
      acceptedAt: row.accepted_at && new Date(row.accepted_at),
      extensionDays: row.extension_days,
    },
    now,
  )
  return {
    acceptBy: deadlines.acceptBy.toISOString(),
    closeBy: deadlines.closeBy?.toISOString() ?? null,
    overdue: deadlines.overdue,
  }
}

/**
 * What anyone holding a tracking code may see of a report: its category, status and history,
 * unit, district and deadlines. Never the description, the contact, the photos or the exact
 * place, nor who at the bureau did what.
 */
export function publicReportView(row: ReportRow, events: EventRow[], now: Date) {
  return {
    trackingCode: row.tracking_code,
    category: row.category,
    status: row.status,
    observedAt: new Date(row.observed_at).toISOString(),
    receivedAt: new Date(row.received_at).toISOString(),
    unit: row.unit_code
      ? { code: row.unit_code, name: row.unit_name, class: row.unit_class }
      : null,
    district: row.district_adcode ? { adcode: row.district_adcode, name: row.district_name } : null,
    deadlines: deadlinesView(row, now),
    history: events.map((event) => ({
      status: event.status,
      at: new Date(event.at).toISOString(),
      ...(event.referred_to ? { referredTo: event.referred_to } : {}),
    })),
  }
}
