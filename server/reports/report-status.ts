export const REPORT_STATUSES = [
  'received',
  'accepted',
  'referred',
  'assigned',
  'inspected',
  'rectifying',
  'replied',
  'closed',
] as const

export type ReportStatus = (typeof REPORT_STATUSES)[number]

/**
 * Where a report may go from each status. A received report is accepted, or referred to the
 * authority it belongs to, which ends it here. An inspection that finds nothing to put right
 * is replied to without a rectification.
 */
const NEXT: Record<ReportStatus, readonly ReportStatus[]> = {
  received: ['accepted', 'referred'],
  accepted: ['assigned'],
  assigned: ['inspected'],
  inspected: ['rectifying', 'replied'],
  rectifying: ['replied'],
  replied: ['closed'],
  referred: [],
  closed: [],
}

/** Statuses between acceptance and closure, in which the closure deadline runs. */
export const OPEN_STATUSES: readonly ReportStatus[] = [
  'accepted',
  'assigned',
  'inspected',
  'rectifying',
  'replied',
]

export function isReportStatus(value: unknown): value is ReportStatus {
  return (REPORT_STATUSES as readonly unknown[]).includes(value)
}

/** The statuses a report in `from` may move to; none once referred or closed. */
export function nextStatuses(from: ReportStatus): readonly ReportStatus[] {
  return NEXT[from]
}

export function canMove(from: ReportStatus, to: ReportStatus): boolean {
  return NEXT[from].includes(to)
}
