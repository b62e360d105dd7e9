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
 * read the Chinese text), one row per report, without contacts. A text cell that a spreadsheet
 * could take for a formula is prefixed with an apostrophe (see FORMULA_START).
 */
export function reportsCsv(rows: ReportRow[], now: Date): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')]
  for (const row of rows) lines.push(COLUMNS.map(([, cell]) => csvCell(cell(row, now))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/**
 * What starts a formula, or a command in old spreadsheets (`|` for DDE): the ASCII signs, tab
 * and carriage return, and the full-width signs a Chinese input method types, which Excel reads
 * as the ASCII ones.
 */
const FORMULA_START = /^[=+\-@|\t\r＝＋－＠｜]/

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
