import type { EventRow, ReportRow } from '../reports/report-store.ts'
import { deadlinesView } from '../reports/report-view.ts'

/** A report in a staff list: where, what, how urgent, how far along; no description or contact. */
export function reportSummary(row: ReportRow, now: Date) {
  return {
    trackingCode: row.tracking_code,
    category: row.category,
    status: row.status,
    priority: row.priority,
    observedAt: new Date(row.observed_at).toISOString(),
    receivedAt: new Date(row.received_at).toISOString(),
    location: { lon: row.lon, lat: row.lat },
    unit: row.unit_code
      ? { code: row.unit_code, name: row.unit_name, class: row.unit_class }
      : null,
    district: row.district_adcode ? { adcode: row.district_adcode, name: row.district_name } : null,
    zones: row.zones,
    clusterSize: row.cluster_size,
    assignee: row.assignee,
    referredTo: row.referred_to,
    deadlines: deadlinesView(row, now),
  }
}

export interface PhotoInfo {
  position: number
  media_type: string
  size: number
}

/**
 * A report as staff see it: the summary with the description, the point as sent, why it has its
 * priority, the extension, the full history with who did what, and the photos as links. The
 * contact is included only when `showContact`; otherwise `contactHidden` says one may exist.
 */
export function reportDetail(
  row: ReportRow,
  events: EventRow[],
  photos: PhotoInfo[],
  showContact: boolean,
  now: Date,
) {
  const code = row.tracking_code
  return {
    ...reportSummary(row, now),
    description: row.description,
    locationInput: row.location_input,
    priorityReasons: row.priority_reasons,
    extension: row.extension_days
      ? { days: row.extension_days, reason: row.extension_reason }
      : null,
    history: events.map((event) => ({
      status: event.status,
      at: new Date(event.at).toISOString(),
      actor: event.actor,
      note: event.note,
      referredTo: event.referred_to,
      assignee: event.assignee,
    })),
    photos: photos.map((photo) => ({
      position: photo.position,
      mediaType: photo.media_type,
      bytes: photo.size,
      url: `/api/staff/reports/${code}/photos/${photo.position}`,
    })),
    ...(showContact ? { contact: row.contact } : { contactHidden: true }),
  }
}
