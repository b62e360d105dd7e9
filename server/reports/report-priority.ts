import type { ReportCategory } from './report-category.ts'

export const PRIORITIES = ['urgent', 'high', 'normal'] as const
export type Priority = (typeof PRIORITIES)[number]

/** A zone at a report's place, as the lookup names it. */
export interface ZoneAt {
  layer: string
  id: number
  properties: Record<string, unknown>
}

/** What set a report's priority. */
export type PriorityReason =
  | { kind: 'zone'; layer: string; zone_id: number; sets: Priority }
  | { kind: 'unit'; unit_class: 'priority'; sets: Priority }
  | { kind: 'cluster'; reports: number; radius_m: number; days: number; raises_to: Priority }

/** Reports of one category this close together, in metres and days, form a cluster. */
export const CLUSTER = { radiusM: 500, days: 7, minReports: 3 } as const

/**
 * The priority of a report from where it is and what is near it:
 * - urgent in a level-1 drinking-water source zone or a nature reserve's core zone, where the law
 *   allows nothing unrelated to their protection;
 * - high in a level-2 or quasi source zone, a reserve's buffer zone, the ecological red line,
 *   a priority protection unit, or, for a livestock report, a no-raising zone;
 * - normal elsewhere;
 * and one step higher when it makes a cluster: `clusterSize` (this report and the others of its
 * category within CLUSTER.radiusM over the last CLUSTER.days) reaches CLUSTER.minReports.
 */
export function reportPriority(
  category: ReportCategory,
  unitClass: string | undefined,
  zones: ZoneAt[],
  clusterSize: number,
): { priority: Priority; reasons: PriorityReason[] } {
  const reasons: PriorityReason[] = []
  for (const zone of zones) {
    const sets = zonePriority(category, zone)
    if (sets) reasons.push({ kind: 'zone', layer: zone.layer, zone_id: zone.id, sets })
  }
  if (unitClass === 'priority') reasons.push({ kind: 'unit', unit_class: 'priority', sets: 'high' })

  let rank = Math.min(
    PRIORITIES.indexOf('normal'),
    ...reasons.map((r) => ('sets' in r ? PRIORITIES.indexOf(r.sets) : Infinity)),
  )
  if (clusterSize >= CLUSTER.minReports) {
    rank = Math.max(0, rank - 1)
    reasons.push({
      kind: 'cluster',
      reports: clusterSize,
      radius_m: CLUSTER.radiusM,
      days: CLUSTER.days,
      raises_to: PRIORITIES[rank]!,
    })
  }
  return { priority: PRIORITIES[rank]!, reasons }
}

function zonePriority(category: ReportCategory, zone: ZoneAt): Priority | undefined {
  const { level, zone: part, kind } = zone.properties
  switch (zone.layer) {
    case 'water_source_zones':
      return level === 'level1' ? 'urgent' : 'high'
    case 'nature_reserve_zones':
      return part === 'core' ? 'urgent' : part === 'buffer' ? 'high' : undefined
    case 'ecological_red_line':
      return 'high'
    case 'no_raising_zones':
      return category === 'livestock' && kind === 'no_raising' ? 'high' : undefined
    default:
      return undefined
  }
}
