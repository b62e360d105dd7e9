import type { Queryable } from '../db/database.ts'
import type { Layer } from '../tiles/layer-catalog.ts'
import { assertCovered } from '../zoning/coverage.ts'
import { unitsTouched, zonesTouched, type UnitHit } from '../zoning/site-zoning.ts'
import type { ReportCategory } from './report-category.ts'
import {
  CLUSTER,
  reportPriority,
  type Priority,
  type PriorityReason,
  type ZoneAt,
} from './report-priority.ts'

/** What the zoning says about a new report's place. */
export interface ReportPlace {
  /** The unit at the point; on a shared edge, the first by code. */
  unit: Pick<UnitHit, 'code' | 'name' | 'class' | 'district_adcode' | 'district_name'>
  zones: (ZoneAt & { title_zh: string })[]
}

/** A report's priority, and the cluster it makes with the reports before it. */
export interface ReportRating {
  /** This report and the others of its category within the cluster radius and window. */
  clusterSize: number
  priority: Priority
  priorityReasons: PriorityReason[]
}

/**
 * Finds the unit, its district and the overlay zones at a WGS84 point. Throws a 422
 * OUTSIDE_COVERAGE naming `location` for a point outside every unit.
 */
export async function placeReport(
  db: Queryable,
  layers: Layer[],
  point: { lon: number; lat: number },
): Promise<ReportPlace> {
  const site = { type: 'Point' as const, coordinates: [point.lon, point.lat] }
  const [units, zones] = await Promise.all([unitsTouched(db, site), zonesTouched(db, layers, site)])
  const unit = units[0]
  if (!unit) {
    await assertCovered(db, site, 'location', {
      subject: 'The place',
      otherwise: ' Report pollution there to the 12369 hotline.',
    })
    throw new Error('A point outside every unit passed the coverage check.')
  }

  const zonesAt = zones.map((z) => ({
    layer: z.layer,
    title_zh: z.title_zh,
    id: z.id,
    properties: z.properties,
  }))
  return {
    unit: {
      code: unit.code,
      name: unit.name,
      class: unit.class,
      district_adcode: unit.district_adcode,
      district_name: unit.district_name,
    },
    zones: zonesAt,
  }
}

/**
 * Counts the reports of the same category received within CLUSTER.radiusM metres (true
 * distance) of the point over the last CLUSTER.days days, and sets the priority from them and
 * the place. Run in the transaction that stores the report, after `lockReportCategory`: reports
 * of one category sent together are then counted one after another, each seeing those before
 * it. Counted apart, six sent at once each found none of the others.
 */
export async function rateReport(
  tx: Queryable,
  category: ReportCategory,
  point: { lon: number; lat: number },
  place: ReportPlace,
): Promise<ReportRating> {
  const clusterSize = (await countNearby(tx, category, point)) + 1
  const { priority, reasons } = reportPriority(category, place.unit.class, place.zones, clusterSize)
  return { clusterSize, priority, priorityReasons: reasons }
}

/**
 * Holds, until the transaction ends, a lock that other reports of the category wait for. The
 * key is derived from the category's name, so other categories are not held up.
 */
export async function lockReportCategory(tx: Queryable, category: ReportCategory): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `ecozoning: reports of ${category}`,
  ])
}

async function countNearby(
  db: Queryable,
  category: ReportCategory,
  point: { lon: number; lat: number },
): Promise<number> {
  // A lon/lat box holding everything within the radius, for the index: a degree of latitude
  // is at least 110.57 km, and of longitude at least 111.0 km times the cosine of the latitude.
  const dy = CLUSTER.radiusM / 110_000
  const maxLat = Math.min(89, Math.abs(point.lat) + dy)
  const dx = CLUSTER.radiusM / (111_000 * Math.cos((maxLat * Math.PI) / 180))
  const [row] = await db.query<{ count: number }>(
    `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS g)
     SELECT count(*)::integer AS count
       FROM reports r, p
      WHERE r.category = $3
        AND r.received_at > now() - make_interval(days => $4::integer)
        AND r.location && ST_Expand(p.g, $6::float8, $7::float8)
        AND ST_DWithin(r.location::geography, p.g::geography, $5::float8)`,
    [point.lon, point.lat, category, CLUSTER.days, CLUSTER.radiusM, dx, dy],
  )
  return row?.count ?? 0
}
