import type { Feature, FeatureCollection, Point } from 'geojson'
import type { Queryable } from '../db/database.ts'
import { OVERDUE_SQL } from '../reports/report-deadline.ts'
import type { ReportFilter } from './report-filter.ts'

/** The source layer of the staff reports tiles. */
export const REPORT_POINTS_LAYER = 'reports'

/**
 * The properties of a report point, with their meaning: what a map needs to find and colour a
 * report, and nothing a reporter wrote or gave about themselves.
 */
export const REPORT_POINT_FIELDS = {
  tracking_code: 'Tracking code',
  category: 'Category, as the reports API names it (air, water, noise…)',
  status: 'Status, as the reports API names it (received, accepted…)',
  priority: 'Priority: urgent, high or normal',
  overdue: 'Whether the acceptance or closure deadline passed with its step undone',
  received_at: 'When the report was received, ISO 8601 in UTC',
} as const

interface PointRow {
  id: number
  tracking_code: string
  category: string
  status: string
  priority: string
  received_at: Date
  overdue: boolean
  lon: number
  lat: number
}

/**
 * The reports that `filter` selects within `envelope` ([west, south, east, north], WGS84
 * degrees) as GeoJSON points, the report's internal id as the feature id and the properties of
 * REPORT_POINT_FIELDS. Overdue is judged by the database clock, as the list's filter is. An
 * empty collection when none lies there.
 */
export async function readReportPoints(
  db: Queryable,
  filter: Pick<ReportFilter, 'where' | 'params'>,
  envelope: [number, number, number, number],
): Promise<FeatureCollection<Point>> {
  const n = filter.params.length
  const rows = await db.query<PointRow>(
    `SELECT r.id::integer AS id, r.tracking_code, r.category, r.status, r.priority, r.received_at,
            ${OVERDUE_SQL} AS overdue, ST_X(r.location) AS lon, ST_Y(r.location) AS lat
       FROM reports r
      WHERE r.location && ST_MakeEnvelope($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, 4326)
        AND ${filter.where}
      ORDER BY r.id`,
    [...filter.params, ...envelope],
  )
  const features = rows.map((row): Feature<Point> => ({
    type: 'Feature',
    id: row.id,
    geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
    properties: {
      tracking_code: row.tracking_code,
      category: row.category,
      status: row.status,
      priority: row.priority,
      overdue: row.overdue,
      received_at: new Date(row.received_at).toISOString(),
    },
  }))
  return { type: 'FeatureCollection', features }
}
