import type { Queryable } from '../db/database.ts'
import { CLUSTER } from '../reports/report-priority.ts'
import type { Rule } from '../zoning/access-list.ts'

export const LEAD_KINDS = [
  'farm_in_no_raising_zone',
  'outfall_in_water_source_zone',
  'report_in_sensitive_zone',
  'report_in_priority_unit',
  'report_cluster',
] as const
export type LeadKind = (typeof LEAD_KINDS)[number]

/** Statuses of reports still being handled, which leads come from. */
const OPEN = `r.status NOT IN ('closed', 'referred')`
/** Overlay zones that a report in them makes a lead of. */
const SENSITIVE_LAYERS = [
  'water_source_zones',
  'nature_reserve_zones',
  'ecological_red_line',
  'no_raising_zones',
]

/**
 * Whether a report of the category makes a lead of a zone of the layer. A no-raising zone
 * forbids only livestock farming: a noise or air report there is no ground for an inspection
 * under its rules, and in the city centre such reports made most of the leads.
 */
const concerns = (layer: string, category: string) =>
  SENSITIVE_LAYERS.includes(layer) && (layer !== 'no_raising_zones' || category === 'livestock')

type LeadRule = Pick<Rule, 'code' | 'effect' | 'dimension' | 'text_zh' | 'legal_basis'>

/** A zone a lead lies in, with its layer's titles from the catalogue. */
interface LeadZone {
  layer: string
  title_zh: string
  title_en: string
  id: number
  properties: Record<string, unknown>
}

/** A layer's titles, by layer name. */
type LayerTitles = Map<string, { title_zh: string; title_en: string }>

/** A place worth an inspection, with the zoning rule that makes it one. */
export interface Lead {
  kind: LeadKind
  /** What the lead is about: a point feature of the zoning, or a report. */
  subject:
    | { type: 'facility'; layer: 'facilities'; id: number; kind: string; name: string }
    | { type: 'report'; trackingCode: string; category: string; status: string; priority: string }
  location: { lon: number; lat: number }
  unit: { code: string; name: string; class: string } | null
  district: { adcode: number; name: string | null } | null
  /** The zone the subject lies in, when a zone makes the lead. */
  zone: LeadZone | null
  /** For a cluster: the open reports of the category within `radius_m` over `days`, this one
   * included. */
  cluster: { reports: number; radius_m: number; days: number } | null
  /** The access-list rules behind the lead; empty for a cluster, which no rule names. */
  rules: LeadRule[]
  /** The lead's ground in an English sentence; `kind`, `subject`, `zone` and `cluster` hold
   * what it says, for writing it in another language. */
  basis: string
}

interface FeatureRow {
  id: number
  kind: string
  name: string
  lon: number
  lat: number
  zone_id: number
  zone_properties: Record<string, unknown>
  unit_code: string | null
  unit_name: string | null
  unit_class: string | null
  district_adcode: number | null
  district_name: string | null
}

interface ReportLeadRow {
  tracking_code: string
  category: string
  status: string
  priority: string
  lon: number
  lat: number
  unit_code: string | null
  unit_name: string | null
  unit_class: string | null
  district_adcode: number | null
  district_name: string | null
  zones: { layer: string; id: number; properties: Record<string, unknown> }[]
  cluster_size: number
}

/**
 * Enforcement leads from the zoning and the reports: farms in no-raising zones, outfalls in
 * drinking-water source zones, open reports in sensitive zones or priority protection units,
 * and open reports that made a cluster. Each carries the rules of the access list behind it
 * (zone rules whose filter matches the zone, class and unit rules of the unit). `kinds` and
 * `district` (administrative code) narrow the search; at most `limit` leads, in kind order.
 */
export async function findLeads(
  db: Queryable,
  options: { kinds: readonly LeadKind[]; district?: number; limit: number },
): Promise<Lead[]> {
  const [rules, layerRows] = await Promise.all([
    db.query<Rule>(
      `SELECT code, unit_code, unit_class, layer, layer_filter, within_m, dimension, effect,
              industries, project_kinds, text_zh, legal_basis
         FROM rules
        WHERE (layer IS NOT NULL AND within_m IS NULL) OR unit_class = 'priority'
           OR unit_code IN (SELECT code FROM control_units WHERE class = 'priority')
        ORDER BY code`,
    ),
    db.query<{ name: string; title_zh: string; title_en: string }>(
      'SELECT name, title_zh, title_en FROM layers',
    ),
  ])
  const titles: LayerTitles = new Map(layerRows.map(({ name, ...title }) => [name, title]))
  const leads: Lead[] = []
  const want = (kind: LeadKind) => options.kinds.includes(kind) && leads.length < options.limit

  if (want('farm_in_no_raising_zone')) {
    const rows = await facilitiesIn(
      db,
      'farm',
      'no_raising_zones',
      `z.kind = 'no_raising'`,
      options,
    )
    for (const row of rows) {
      leads.push({
        ...facilityLead('farm_in_no_raising_zone', row, 'no_raising_zones', titles),
        rules: zoneRules(rules, 'no_raising_zones', row.zone_properties),
        basis: 'A livestock farm lies in a no-raising zone, where farms may not be built or run.',
      })
    }
  }
  if (want('outfall_in_water_source_zone')) {
    const rows = await facilitiesIn(db, 'outfall', 'water_source_zones', 'true', options)
    for (const row of rows) {
      leads.push({
        ...facilityLead('outfall_in_water_source_zone', row, 'water_source_zones', titles),
        rules: zoneRules(rules, 'water_source_zones', row.zone_properties),
        basis: 'A sewage outfall lies in a drinking-water source protection zone.',
      })
    }
  }

  const reportKinds = LEAD_KINDS.filter((k) => k.startsWith('report_') && want(k))
  if (reportKinds.length > 0) {
    const reports = await db.query<ReportLeadRow>(
      `SELECT r.tracking_code, r.category, r.status, r.priority, ST_X(r.location) AS lon,
              ST_Y(r.location) AS lat, r.unit_code, r.unit_name, r.unit_class,
              r.district_adcode, r.district_name, r.zones, r.cluster_size
         FROM reports r
        WHERE ${OPEN} AND ($1::integer IS NULL OR r.district_adcode = $1)
        ORDER BY r.received_at DESC, r.id DESC
        LIMIT 10000`,
      [options.district ?? null],
    )
    for (const kind of reportKinds) {
      for (const report of reports) {
        for (const lead of reportLeads(kind, report, rules, titles)) leads.push(lead)
      }
    }
  }
  return leads.slice(0, options.limit)
}

async function facilitiesIn(
  db: Queryable,
  kind: string,
  table: 'no_raising_zones' | 'water_source_zones',
  zoneCondition: string,
  options: { district?: number; limit: number },
): Promise<FeatureRow[]> {
  return db.query<FeatureRow>(
    `SELECT f.id, f.kind, f.name, ST_X(f.geom) AS lon, ST_Y(f.geom) AS lat, z.id AS zone_id,
            to_jsonb(z) - 'geom' - 'id' AS zone_properties,
            u.code AS unit_code, u.name AS unit_name, u.class AS unit_class,
            u.district_adcode, d.name AS district_name
       FROM facilities f
       JOIN ${table} z ON ST_Intersects(z.geom, f.geom) AND ${zoneCondition}
       LEFT JOIN LATERAL (
         SELECT code, name, class, district_adcode FROM control_units
          WHERE ST_Intersects(geom, f.geom) ORDER BY code LIMIT 1) u ON true
       LEFT JOIN districts d ON d.adcode = u.district_adcode
      WHERE f.kind = $1 AND ($2::integer IS NULL OR u.district_adcode = $2)
      ORDER BY f.id, z.id
      LIMIT $3`,
    [kind, options.district ?? null, options.limit],
  )
}

/** A zone with its layer's titles; the layer's name stands in for a layer the catalogue lacks. */
function titledZone(
  zone: { layer: string; id: number; properties: Record<string, unknown> },
  titles: LayerTitles,
): LeadZone {
  const title = titles.get(zone.layer) ?? { title_zh: zone.layer, title_en: zone.layer }
  return { layer: zone.layer, ...title, id: zone.id, properties: zone.properties }
}

function facilityLead(kind: LeadKind, row: FeatureRow, layer: string, titles: LayerTitles) {
  return {
    kind,
    subject: {
      type: 'facility' as const,
      layer: 'facilities' as const,
      id: row.id,
      kind: row.kind,
      name: row.name,
    },
    location: { lon: row.lon, lat: row.lat },
    unit: unitOf(row),
    district: districtOf(row),
    zone: titledZone({ layer, id: row.zone_id, properties: row.zone_properties }, titles),
    cluster: null,
  }
}

function reportLeads(
  kind: LeadKind,
  report: ReportLeadRow,
  rules: Rule[],
  titles: LayerTitles,
): Lead[] {
  const base = {
    kind,
    subject: {
      type: 'report' as const,
      trackingCode: report.tracking_code,
      category: report.category,
      status: report.status,
      priority: report.priority,
    },
    location: { lon: report.lon, lat: report.lat },
    unit: unitOf(report),
    district: districtOf(report),
    cluster: null,
  }
  switch (kind) {
    case 'report_in_sensitive_zone':
      return report.zones
        .filter((zone) => concerns(zone.layer, report.category))
        .map((zone) => titledZone(zone, titles))
        .map((zone) => ({
          ...base,
          zone,
          rules: zoneRules(rules, zone.layer, zone.properties),
          basis: `An open ${report.category} report lies in a sensitive zone (${zone.title_en}).`,
        }))
    case 'report_in_priority_unit':
      if (report.unit_class !== 'priority') return []
      return [
        {
          ...base,
          zone: null,
          rules: rules
            .filter((r) => r.unit_class === 'priority' || r.unit_code === report.unit_code)
            .map(ruleOf),
          basis: `An open ${report.category} report lies in a priority protection unit.`,
        },
      ]
    case 'report_cluster':
      if (report.cluster_size < CLUSTER.minReports) return []
      return [
        {
          ...base,
          zone: null,
          cluster: { reports: report.cluster_size, radius_m: CLUSTER.radiusM, days: CLUSTER.days },
          rules: [],
          basis:
            `${report.cluster_size} ${report.category} reports within ${CLUSTER.radiusM} m in ` +
            `${CLUSTER.days} days, this one included.`,
        },
      ]
    default:
      return []
  }
}

/** Rules on `layer`, inside its features, whose filter the zone's attributes match. */
function zoneRules(rules: Rule[], layer: string, properties: Record<string, unknown>) {
  return rules
    .filter(
      (r) =>
        r.layer === layer &&
        r.within_m === null &&
        Object.entries(r.layer_filter ?? {}).every(([k, v]) => String(properties[k]) === v),
    )
    .map(ruleOf)
}

function ruleOf(rule: Rule): LeadRule {
  const { code, effect, dimension, text_zh, legal_basis } = rule
  return { code, effect, dimension, text_zh, legal_basis }
}

function unitOf(row: {
  unit_code: string | null
  unit_name: string | null
  unit_class: string | null
}) {
  return row.unit_code
    ? { code: row.unit_code, name: row.unit_name!, class: row.unit_class! }
    : null
}

function districtOf(row: { district_adcode: number | null; district_name: string | null }) {
  return row.district_adcode ? { adcode: row.district_adcode, name: row.district_name } : null
}
