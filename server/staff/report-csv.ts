import type { ReportRow } from '../reports/report-store.ts'
import { deadlinesView } from '../reports/report-view.ts'

const COLUMNS: [string, (row: ReportRow, now: Date) => unknown][] = [
  ['tracking_code', (r) => r.tracking_code],
  ['category', (r) => r.category],
  ['status', (r) => r.status],
  ['priority', (r) => r.priority],
  ['observed_at', (r) => new Date(r.observed_at).toISOString()],
  ['received_at', (r) => new Date(r.received_at).toISOString()],
  ['district_adcode', (r) => r.district_adcode],
  ['district_name', (r) => r.district_name],
  ['unit_code', (r) => r.unit_code],
  ['unit_name', (r) => r.unit_name],
  ['unit_class', (r) => r.unit_class],
  ['zones', (r) => r.zones.map((z) => z.layer).join(';')],
  ['cluster_size', (r) => r.cluster_size],
  ['lon', (r) => r.lon],
  ['lat', (r) => r.lat],
  ['assignee', (r) => r.assignee],
  ['referred_to', (r) => r.referred_to],
  ['accept_by', (r, now) => deadlinesView(r, now).acceptBy],
  ['close_by', (r, now) => deadlinesView(r, now).closeBy],
  ['overdue', (r, now) => deadlinesView(r, now).overdue],
  ['description', (r) => r.description],
]

/**
 * Reports as CSV (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so spreadsheet programs
 * read the Chinese text), one row per report, without contacts. A cell starting with =, +, -,
 * @, tab or carriage return is prefixed with an apostrophe, so a spreadsheet does not run it as
 * a formula.
 */
export function reportsCsv(rows: ReportRow[], now: Date): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')]
  for (const row of rows) lines.push(COLUMNS.map(([, cell]) => csvCell(cell(row, now))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
