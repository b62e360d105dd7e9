import pg from 'pg'
import type { Queryable } from '../db/database.ts'
import type { Layer } from '../tiles/layer-catalog.ts'

/** How many references name a code that is not there, and the first of them. */
export interface DanglingReferences {
  count: number
  /** The first DANGLING_LISTED, in load order: the code that refers, and the code it names. */
  first: { code: string; names: string }[]
}

/** How many dangling references an import lists. */
export const DANGLING_LISTED = 10

/**
 * The rules of the access list naming a control unit that the control_units layer does not
 * hold: they apply nowhere. A layer import leaves them in place, as the access list is imported
 * on its own and may be about to be imported again; it lists them instead. Run it inside the
 * import's transaction, once the layer is replaced.
 */
export async function rulesWithoutUnit(tx: Queryable): Promise<DanglingReferences> {
  return dangling(
    tx,
    `SELECT r.code, r.unit_code AS names, count(*) OVER ()::integer AS count
       FROM rules AS r
      WHERE r.unit_code IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM control_units AS u WHERE u.code = r.unit_code)
      ORDER BY r.id
      LIMIT ${DANGLING_LISTED}`,
  )
}

/**
 * The industrial parks whose unit code names no control unit: lookups and tiles show the park
 * as belonging to a unit that is not there. Listed after a control_units or industrial_parks
 * import.
 */
export async function parksWithoutUnit(tx: Queryable): Promise<DanglingReferences> {
  return dangling(
    tx,
    `SELECT p.name AS code, p.unit_code AS names, count(*) OVER ()::integer AS count
       FROM industrial_parks AS p
      WHERE p.unit_code IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM control_units AS u WHERE u.code = p.unit_code)
      ORDER BY p.id
      LIMIT ${DANGLING_LISTED}`,
  )
}

/**
 * The control units whose district code matches no district, or undefined while the districts
 * layer is empty: without districts, every unit would be listed for nothing.
 */
export async function unitsWithoutDistrict(tx: Queryable): Promise<DanglingReferences | undefined> {
  const [districts] = await tx.query<{ any: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM districts) AS any',
  )
  if (!districts?.any) return undefined
  return dangling(
    tx,
    `SELECT u.code, u.district_adcode::text AS names, count(*) OVER ()::integer AS count
       FROM control_units AS u
      WHERE NOT EXISTS (SELECT 1 FROM districts AS d WHERE d.adcode = u.district_adcode)
      ORDER BY u.id
      LIMIT ${DANGLING_LISTED}`,
  )
}

/**
 * The zone rules on `layer` (a zone layer just loaded) that no zone of it matches: a rule on
 * level-2 water-source zones when the layer now holds level-1 ones only. They apply nowhere
 * until the zones come back; listed, like rules naming a unit the units lack. Distance rules
 * are left out: they apply near the layer's features, not in them. A rule matches a zone whose
 * attributes, as text, equal every value of its filter, as the lookup matches them.
 */
export async function rulesWithoutZone(tx: Queryable, layer: Layer): Promise<DanglingReferences> {
  const table = pg.escapeIdentifier(layer.tableName)
  const attributes = layer.attributes
    .map((a) => `${pg.escapeLiteral(a.name)}, ${pg.escapeIdentifier(a.name)}::text`)
    .join(', ')
  return dangling(
    tx,
    `SELECT r.code, COALESCE(r.layer_filter::text, 'any zone') AS names,
            count(*) OVER ()::integer AS count
       FROM rules AS r
      WHERE r.layer = $1 AND r.within_m IS NULL
        AND NOT EXISTS (
              SELECT 1 FROM ${table} AS z
               WHERE jsonb_build_object(${attributes}) @> COALESCE(r.layer_filter, '{}'))
      ORDER BY r.id
      LIMIT ${DANGLING_LISTED}`,
    [layer.name],
  )
}

async function dangling(
  tx: Queryable,
  sql: string,
  params: unknown[] = [],
): Promise<DanglingReferences> {
  const rows = await tx.query<{ code: string; names: string; count: number }>(sql, params)
  return {
    count: rows[0]?.count ?? 0,
    first: rows.map(({ code, names }) => ({ code, names })),
  }
}

/** "2: T05 (ZH43042120001), T08 (ZH43042110001)", with how many more there are. */
export function describeDangling({ count, first }: DanglingReferences): string {
  const listed = first.map(({ code, names }) => `${code} (${names})`).join(', ')
  const more = count > first.length ? `, and ${count - first.length} more` : ''
  return `${count}: ${listed}${more}`
}
