import { RESERVE } from './place-plan.ts'
import type { SampleDb } from './sample-database.ts'

export type UnitClass = 'priority' | 'key' | 'general'

const CLASS_DIGIT: Record<UnitClass, number> = { priority: 1, key: 2, general: 3 }

export interface Unit {
  /** What the unit was grown from: a park, a water source, a town, or general:adcode:n. */
  key: string
  code: string
  name: string
  class: UnitClass
  adcode: number
}

interface Found {
  key: string
  adcode: number
  district: string
  parks: string[]
  reserve: boolean
  priority: string[]
  keyPlaces: string[]
  lat: number
  lon: number
}

/**
 * Classifies every unit by what it contains, names and codes it, and stores the result in
 * `build_units` (key, code, name, class, adcode, area_km2, geom). A park makes a key unit
 * named after the park; the reserve, a water intake or a red-line mountain a priority unit; a
 * town or cluster a key unit; anything else is general. Codes are ZH + adcode + class digit +
 * a sequence counted from north to south within district and class.
 * Throws when a unit holds content of two kinds, which would make its name ambiguous.
 */
export async function classifyUnits(db: SampleDb): Promise<Unit[]> {
  const found = await db.query<Found>(`
    SELECT u.key, u.adcode, d.name AS district,
      ARRAY(SELECT p.name FROM build_parks p
            WHERE ST_Contains(u.geom, ST_PointOnSurface(p.geom)) ORDER BY p.name) AS parks,
      EXISTS (SELECT 1 FROM build_reserve_zones z WHERE z.zone = 'core'
              AND ST_Contains(u.geom, ST_PointOnSurface(z.geom))) AS reserve,
      ARRAY(SELECT c.unit_short_name FROM build_content c
            WHERE c.class = 'priority' AND ST_Contains(u.geom, c.geom) ORDER BY c.key) AS priority,
      ARRAY(SELECT c.unit_short_name FROM build_content c
            WHERE c.class = 'key' AND ST_Contains(u.geom, c.geom) ORDER BY c.key) AS "keyPlaces",
      ST_Y(ST_Centroid(u.geom)) AS lat, ST_X(ST_Centroid(u.geom)) AS lon
    FROM build_unit_shapes u JOIN build_districts d USING (adcode)
    ORDER BY u.adcode, lat DESC, lon`)

  const units: Unit[] = []
  const sequence = new Map<string, number>()
  for (const row of found.rows) {
    const kinds = [row.parks, row.priority, row.keyPlaces].filter((list) => list.length > 0)
    if (kinds.length + (row.reserve ? 1 : 0) > 1 || kinds.some((list) => list.length > 1)) {
      throw new Error(`Unit ${row.key} holds content of several kinds; move a seed in the plan`)
    }

    const [unitClass, what] = describe(row)
    const counter = `${row.adcode}${unitClass}`
    const n = (sequence.get(counter) ?? 0) + 1
    sequence.set(counter, n)
    const code = `ZH${row.adcode}${CLASS_DIGIT[unitClass]}${String(n).padStart(4, '0')}`
    const name =
      unitClass === 'general'
        ? `${row.district}一般管控单元${n}`
        : row.parks.length > 0
          ? `${what}重点管控单元`
          : `${row.district}${what}${unitClass === 'key' ? '重点管控单元' : '优先保护单元'}`
    units.push({ key: row.key, code, name, class: unitClass, adcode: row.adcode })
  }

  await db.exec(`
    CREATE TABLE build_units (
      key text PRIMARY KEY, code text UNIQUE, name text, class text, adcode integer,
      area_km2 double precision, geom geometry
    )`)
  for (const u of units) {
    await db.query(`INSERT INTO build_units VALUES ($1, $2, $3, $4, $5, NULL, NULL)`, [
      u.key,
      u.code,
      u.name,
      u.class,
      u.adcode,
    ])
  }
  await db.query(`
    UPDATE build_units u SET geom = s.geom, area_km2 = ST_Area(s.geom::geography) / 1e6
    FROM build_unit_shapes s WHERE s.key = u.key
  `)
  return units
}

function describe(row: Found): [UnitClass, string] {
  if (row.parks[0]) return ['key', row.parks[0]]
  if (row.reserve) return ['priority', RESERVE.unitShortName]
  if (row.priority[0]) return ['priority', row.priority[0]]
  if (row.keyPlaces[0]) return ['key', row.keyPlaces[0]]
  return ['general', '']
}
