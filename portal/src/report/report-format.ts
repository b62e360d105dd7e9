import type { Strings } from '../i18n/index.ts'
import { isTerm, UNIT_CLASSES } from '../zoning/zoning-terms.ts'
import type { ReportView } from './report-client.ts'
import { REPORT_CATEGORIES, REPORT_STATUSES } from './report-terms.ts'

/** Reports are dated in the zone the zoning is in, whatever the reader's clock says. */
const REPORT_TIME_ZONE = 'Asia/Shanghai'

/** A time to the minute in China Standard Time, e.g. "2025年5月1日 08:30"; the text if unreadable. */
export function formatReportTime(iso: string, t: Strings): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(t.writing.formatLocale, {
    timeZone: REPORT_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date)
}

export function categoryText(category: string, t: Strings): string {
  return isTerm(REPORT_CATEGORIES, category) ? t.reportForm.categories[category] : category
}

export function statusText(status: string, t: Strings): string {
  return isTerm(REPORT_STATUSES, status) ? t.reportTrack.statuses[status] : status
}

export function statusMeaning(status: string, t: Strings): string | undefined {
  return isTerm(REPORT_STATUSES, status) ? t.reportTrack.statusMeaning[status] : undefined
}

/** The unit a report lies in, with its code and class; the "not known" text when none. */
export function unitText(unit: ReportView['unit'], t: Strings): string {
  if (!unit) return t.reportTrack.noUnit
  const unitClass = isTerm(UNIT_CLASSES, unit.class) ? t.unitClass[unit.class] : (unit.class ?? '')
  return t.reportTrack.unitValue(unit.name ?? unit.code, unit.code, unitClass)
}

export function districtText(district: ReportView['district'], t: Strings): string {
  return district?.name ? t.reportTrack.districtValue(district.name) : t.reportTrack.noDistrict
}

/** A report's facts as label and value pairs, in the order both pages show them. */
export function reportFacts(
  view: ReportView,
  t: Strings,
): { key: string; term: string; value: string }[] {
  const r = t.reportTrack
  const overdue = view.deadlines.overdue
  const late = overdue === 'acceptance' || overdue === 'closure' ? r.overdue[overdue] : undefined
  const acceptBy = formatReportTime(view.deadlines.acceptBy, t)
  // A referred report is closed by the body it went to, on that body's terms.
  const closeBy = view.deadlines.closeBy
    ? formatReportTime(view.deadlines.closeBy, t)
    : view.status === 'referred'
      ? r.closeByReferred
      : r.closeByPending
  return [
    { key: 'status', term: r.status, value: statusText(view.status, t) },
    { key: 'category', term: r.category, value: categoryText(view.category, t) },
    { key: 'unit', term: r.unit, value: unitText(view.unit, t) },
    { key: 'district', term: r.district, value: districtText(view.district, t) },
    { key: 'observed', term: r.observedAt, value: formatReportTime(view.observedAt, t) },
    { key: 'received', term: r.receivedAt, value: formatReportTime(view.receivedAt, t) },
    {
      key: 'accept-by',
      term: r.acceptBy,
      value: overdue === 'acceptance' && late ? t.writing.aside(acceptBy, late) : acceptBy,
    },
    {
      key: 'close-by',
      term: r.closeBy,
      value: overdue === 'closure' && late ? t.writing.aside(closeBy, late) : closeBy,
    },
  ]
}
