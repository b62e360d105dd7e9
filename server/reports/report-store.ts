import type { Database, Queryable } from '../db/database.ts'
import type { CleanPhoto } from './photo-metadata.ts'
import { lockReportCategory, rateReport, type ReportPlace } from './report-enrichment.ts'
import type { ReportFields } from './report-fields.ts'
import { newTrackingCode } from './tracking-code.ts'

export interface StoredReport {
  id: number
  trackingCode: string
  receivedAt: Date
}

/**
 * Stores a report, its photos and its first status, `received`, in one transaction, and returns
 * its new tracking code once committed: a report whose code a reporter has seen is stored. The
 * report's cluster and priority are set in the same transaction (see rateReport).
 */
export async function saveReport(
  db: Database,
  fields: ReportFields,
  place: ReportPlace,
  photos: CleanPhoto[],
): Promise<StoredReport> {
  const trackingCode = newTrackingCode()
  const { unit } = place
  return db.transaction(async (tx) => {
    await lockReportCategory(tx, fields.category)
    const rating = await rateReport(tx, fields.category, fields.location, place)
    const [row] = await tx.query<{ id: string | number; received_at: Date }>(
      `INSERT INTO reports
         (tracking_code, category, observed_at, description, contact, location, location_input,
          unit_code, unit_name, unit_class, district_adcode, district_name, zones, priority,
          priority_reasons, cluster_size)
       VALUES ($1, $2, $3, $4, $5::jsonb, ST_SetSRID(ST_MakePoint($6, $7), 4326), $8::jsonb,
               $9, $10, $11, $12, $13, $14::jsonb, $15, $16::jsonb, $17)
       RETURNING id, received_at`,
      [
        trackingCode,
        fields.category,
        fields.observedAt.toISOString(),
        fields.description,
        fields.contact ? JSON.stringify(fields.contact) : null,
        fields.location.lon,
        fields.location.lat,
        JSON.stringify(fields.location.input),
        unit.code,
        unit.name,
        unit.class,
        unit.district_adcode,
        unit.district_name,
        JSON.stringify(place.zones),
        rating.priority,
        JSON.stringify(rating.priorityReasons),
        rating.clusterSize,
      ],
    )
    const id = Number(row!.id)
    for (const [i, photo] of photos.entries()) {
      await tx.query(
        `INSERT INTO report_photos (report_id, position, media_type, bytes)
         VALUES ($1, $2, $3, $4)`,
        [id, i + 1, photo.mediaType, photo.bytes],
      )
    }
    await tx.query(
      `INSERT INTO report_events (report_id, status, at) VALUES ($1, 'received', $2)`,
      [id, row!.received_at],
    )
    return { id, trackingCode, receivedAt: new Date(row!.received_at) }
  })
}

/** A report's row, as staff and public views read it. */
export interface ReportRow {
  id: number
  tracking_code: string
  category: string
  status: string
  priority: string
  observed_at: Date
  received_at: Date
  accepted_at: Date | null
  closed_at: Date | null
  description: string
  contact: Record<string, string> | null
  lon: number
  lat: number
  location_input: Record<string, unknown>
  unit_code: string | null
  unit_name: string | null
  unit_class: string | null
  district_adcode: number | null
  district_name: string | null
  zones: { layer: string; title_zh: string; id: number; properties: Record<string, unknown> }[]
  priority_reasons: unknown[]
  cluster_size: number
  referred_to: string | null
  assignee: string | null
  extension_days: number | null
  extension_reason: string | null
}

/** The columns of ReportRow, selected from `reports r`. */
export const REPORT_COLUMNS = `r.id::integer AS id, r.tracking_code, r.category, r.status,
  r.priority, r.observed_at, r.received_at, r.accepted_at, r.closed_at, r.description, r.contact,
  ST_X(r.location) AS lon, ST_Y(r.location) AS lat, r.location_input, r.unit_code, r.unit_name,
  r.unit_class, r.district_adcode, r.district_name, r.zones, r.priority_reasons, r.cluster_size,
  r.referred_to, r.assignee, r.extension_days, r.extension_reason`

/** The report with this tracking code (canonical form), or undefined. */
export async function readReport(db: Queryable, code: string): Promise<ReportRow | undefined> {
  const [row] = await db.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.tracking_code = $1`,
    [code],
  )
  return row
}

export interface EventRow {
  status: string
  at: Date
  actor: string | null
  note: string | null
  referred_to: string | null
  assignee: string | null
}

/** A report's status history, oldest first. */
export async function readEvents(db: Queryable, reportId: number): Promise<EventRow[]> {
  return db.query<EventRow>(
    `SELECT status, at, actor, note, referred_to, assignee
       FROM report_events WHERE report_id = $1 ORDER BY id`,
    [reportId],
  )
}
