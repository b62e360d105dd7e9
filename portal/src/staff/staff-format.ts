import type { Strings } from '../i18n/index.ts'
import { layerTitle } from '../lookup/zone-labels.ts'
import { categoryText, formatReportTime, statusText, unitText } from '../report/report-format.ts'
import { FACILITY_KINDS, isTerm, LAYER_NAMES } from '../zoning/zoning-terms.ts'
import type { Lead, ReportDetail, ReportSummary } from './staff-client.ts'
import { LEAD_KINDS, OVERDUE_STEPS, PRIORITIES, STAFF_ROLES } from './staff-terms.ts'

/** Decimals of a place shown to staff: 1e-6° is about 0.1 m. */
const PLACE_DECIMALS = 6

export function priorityText(priority: string, t: Strings): string {
  return isTerm(PRIORITIES, priority) ? t.staff.priorities[priority] : priority
}

/** The missed deadline in words, or undefined when none was missed. */
export function overdueText(overdue: string | null, t: Strings): string | undefined {
  return isTerm(OVERDUE_STEPS, overdue) ? t.staff.overdue[overdue] : undefined
}

export function roleText(role: string, t: Strings): string {
  return isTerm(STAFF_ROLES, role) ? t.staff.roles[role] : role
}

export function leadKindText(kind: string, t: Strings): string {
  return isTerm(LEAD_KINDS, kind) ? t.staff.leadKinds[kind] : kind
}

/** A layer's title; the layer's own name when the portal does not know it. */
export function layerText(layer: string, t: Strings): string {
  return isTerm(LAYER_NAMES, layer) ? t.layer[layer] : layer
}

/** One line of the list under a report's code: category, status, priority, when, where. */
export function summaryLine(report: ReportSummary, t: Strings): string[] {
  return [
    categoryText(report.category, t),
    statusText(report.status, t),
    priorityText(report.priority, t),
    formatReportTime(report.receivedAt, t),
    report.unit?.name ?? report.district?.name ?? t.reportTrack.noUnit,
  ]
}

/** Why a report has its priority, a sentence per reason; reasons of unknown kinds are left out. */
export function priorityReasons(reasons: unknown[], t: Strings): string[] {
  const s = t.staff
  return reasons.flatMap((reason) => {
    if (typeof reason !== 'object' || reason === null) return []
    const r = reason as Record<string, unknown>
    if (r.kind === 'zone' && typeof r.layer === 'string' && typeof r.sets === 'string') {
      return [s.reasonZone(layerText(r.layer, t), priorityText(r.sets, t))]
    }
    if (r.kind === 'unit' && typeof r.sets === 'string') {
      return [s.reasonUnit(priorityText(r.sets, t))]
    }
    if (r.kind === 'cluster' && typeof r.raises_to === 'string') {
      const n = (value: unknown) => String(value)
      return [s.reasonCluster(n(r.reports), n(r.radius_m), n(r.days), priorityText(r.raises_to, t))]
    }
    return []
  })
}

export interface Fact {
  key: string
  term: string
  value: string
}

/** A report's facts as label and value pairs, in the order the detail shows them. */
export function detailFacts(report: ReportDetail, t: Strings): Fact[] {
  const s = t.staff
  const f = s.facts
  const overdue = overdueText(report.deadlines.overdue, t)
  const acceptBy = formatReportTime(report.deadlines.acceptBy, t)
  const closeBy = report.deadlines.closeBy
    ? formatReportTime(report.deadlines.closeBy, t)
    : t.reportTrack.closeByPending
  const zones = report.zones.map((zone) => layerTitle(zone, t))
  const reasons = priorityReasons(report.priorityReasons, t)
  const facts: Fact[] = [
    { key: 'status', term: f.status, value: statusText(report.status, t) },
    { key: 'category', term: f.category, value: categoryText(report.category, t) },
    { key: 'priority', term: f.priority, value: priorityText(report.priority, t) },
    ...(reasons.length > 0
      ? [
          {
            key: 'priority-reasons',
            term: f.priorityReasons,
            value: reasons.join(t.writing.clauseSeparator),
          },
        ]
      : []),
    { key: 'unit', term: f.unit, value: unitText(report.unit, t) },
    {
      key: 'district',
      term: f.district,
      value: report.district?.name ?? t.reportTrack.noDistrict,
    },
    {
      key: 'zones',
      term: f.zones,
      value: zones.length > 0 ? zones.join(t.writing.listSeparator) : s.noZones,
    },
    {
      key: 'location',
      term: f.location,
      value: s.locationValue(
        report.location.lon.toFixed(PLACE_DECIMALS),
        report.location.lat.toFixed(PLACE_DECIMALS),
      ),
    },
    { key: 'observed', term: f.observedAt, value: formatReportTime(report.observedAt, t) },
    { key: 'received', term: f.receivedAt, value: formatReportTime(report.receivedAt, t) },
    {
      key: 'accept-by',
      term: f.acceptBy,
      value:
        report.deadlines.overdue === 'acceptance' && overdue
          ? t.writing.aside(acceptBy, overdue)
          : acceptBy,
    },
    {
      key: 'close-by',
      term: f.closeBy,
      value:
        report.deadlines.overdue === 'closure' && overdue
          ? t.writing.aside(closeBy, overdue)
          : closeBy,
    },
  ]
  if (report.extension) {
    const value = s.extensionValue(String(report.extension.days), report.extension.reason ?? '')
    facts.push({ key: 'extension', term: f.extension, value })
  }
  if (report.assignee) facts.push({ key: 'assignee', term: f.assignee, value: report.assignee })
  if (report.referredTo) {
    facts.push({ key: 'referred-to', term: f.referredTo, value: report.referredTo })
  }
  if (report.clusterSize > 1) {
    const value = s.clusterValue(String(report.clusterSize))
    facts.push({ key: 'cluster', term: f.cluster, value })
  }
  return facts
}

/**
 * A lead's ground in the page's language, written from its kind, the report's category, the
 * zone's title and the cluster; undefined for a kind the page does not know or a lead without
 * the fields its kind needs, whose English `basis` stands instead.
 */
export function leadBasisText(lead: Lead, t: Strings): string | undefined {
  const b = t.staff.leadBasis
  const { subject, zone, cluster } = lead
  const category = subject.type === 'report' ? categoryText(subject.category, t) : undefined
  switch (lead.kind) {
    case 'farm_in_no_raising_zone':
    case 'outfall_in_water_source_zone':
      return b[lead.kind]
    case 'report_in_sensitive_zone':
      return category !== undefined && zone
        ? b.report_in_sensitive_zone(category, layerTitle(zone, t))
        : undefined
    case 'report_in_priority_unit':
      return category !== undefined ? b.report_in_priority_unit(category) : undefined
    case 'report_cluster':
      return category !== undefined && cluster
        ? b.report_cluster(
            String(cluster.reports),
            category,
            String(cluster.radius_m),
            String(cluster.days),
          )
        : undefined
    default:
      return undefined
  }
}

/** What a lead is about, in words: a facility by name and kind, or a report by its code. */
export function leadSubjectText(lead: Lead, t: Strings): string {
  const { subject } = lead
  if (subject.type === 'report') return t.staff.leadReport(subject.trackingCode)
  const kind = isTerm(FACILITY_KINDS, subject.kind) ? t.facilityKind[subject.kind] : subject.kind
  return t.staff.leadFacility(subject.name, kind)
}
