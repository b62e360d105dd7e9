import { DISTRICT_ADCODES as D } from './place-plan.ts'
import type { SampleDb } from './sample-database.ts'

/** Areas below this many square metres are rounding noise, not overlap or gap. */
const NOISE_M2 = 1
/** The largest relative difference allowed between a district and the sum of its units. */
const PARTITION_TOLERANCE = 0.005
const PROJECT_KINDS = ['new', 'expansion', 'renovation', 'relocation']

export interface DistrictBalance {
  adcode: number
  name: string
  units: number
  districtKm2: number
  unitsKm2: number
  relative: number
}

export interface SampleReport {
  failures: string[]
  counts: Record<string, number>
  classes: Record<string, number>
  districts: DistrictBalance[]
  farmsInNoRaising: string[]
}

/**
 * Checks the sample as loaded into the product's tables (see sample-load.ts): 65 units that
 * partition each district, valid geometry everywhere, parks inside key units of their own,
 * nested zones, the Xiang on the central district boundary, and rules and industries that
 * reference only what exists. Returns the failures (empty when all pass) with the numbers
 * the summary prints.
 */
export async function checkSample(db: SampleDb): Promise<SampleReport> {
  const failures: string[] = []
  const fail = (message: string) => failures.push(message)
  const rows = async <T>(sql: string, params: unknown[] = []) =>
    (await db.query<T>(sql, params)).rows

  // validity
  const tables = await rows<{ name: string; table_name: string }>(
    `SELECT name, table_name FROM layers ORDER BY sort_order`,
  )
  const counts: Record<string, number> = {}
  for (const { name, table_name } of tables) {
    const [row] = await rows<{ n: number; invalid: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT ST_IsValid(geom))::int AS invalid
       FROM ${table_name}`,
    )
    counts[name] = row!.n
    if (row!.n === 0) fail(`${name} has no features`)
    if (row!.invalid > 0) fail(`${name} has ${row!.invalid} invalid geometries`)
  }

  // units
  const classes = Object.fromEntries(
    (
      await rows<{ class: string; n: number }>(
        `SELECT class, count(*)::int AS n FROM control_units GROUP BY class`,
      )
    ).map((r) => [r.class, r.n]),
  )
  if (counts.control_units !== 65) fail(`expected 65 control units, got ${counts.control_units}`)
  for (const c of ['priority', 'key', 'general']) if (!classes[c]) fail(`no ${c} unit`)
  const codeMismatch = await rows<{ code: string }>(`
    SELECT code FROM control_units
    WHERE substr(code, 3, 6) <> district_adcode::text
       OR substr(code, 9, 1)
         <> CASE class WHEN 'priority' THEN '1' WHEN 'key' THEN '2' ELSE '3' END`)
  for (const u of codeMismatch) fail(`unit ${u.code} has a code that disagrees with its fields`)
  const noGeneral = await rows<{ name: string }>(
    `SELECT d.name FROM districts d WHERE d.adcode >= $1 AND NOT EXISTS (
       SELECT 1 FROM control_units u WHERE u.district_adcode = d.adcode AND u.class = 'general')`,
    [D.hengyangCounty],
  )
  for (const d of noGeneral) fail(`${d.name} has no general control unit`)

  // partition
  const districts = await rows<DistrictBalance>(`
    SELECT d.adcode, d.name, count(u.*)::int AS units,
      ST_Area(d.geom::geography) / 1e6 AS "districtKm2",
      coalesce(sum(ST_Area(u.geom::geography)), 0) / 1e6 AS "unitsKm2",
      abs(coalesce(sum(ST_Area(u.geom::geography)), 0) / ST_Area(d.geom::geography) - 1)
        AS relative
    FROM districts d LEFT JOIN control_units u ON u.district_adcode = d.adcode
    GROUP BY d.adcode, d.name, d.geom ORDER BY d.adcode`)
  for (const d of districts) {
    if (!(d.relative <= PARTITION_TOLERANCE)) {
      fail(`${d.name}: units cover ${d.unitsKm2} km² of ${d.districtKm2} km²`)
    }
  }
  const overlaps = await rows<{ a: string; b: string; m2: number }>(`
    SELECT a.code AS a, b.code AS b, ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS m2
    FROM control_units a JOIN control_units b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)
    WHERE ST_Area(ST_Intersection(a.geom, b.geom)::geography) > ${NOISE_M2}`)
  for (const o of overlaps) fail(`units ${o.a} and ${o.b} overlap by ${o.m2.toFixed(1)} m²`)
  const outside = await rows<{ code: string; m2: number }>(`
    SELECT u.code, ST_Area(ST_Difference(u.geom, d.geom)::geography) AS m2
    FROM control_units u JOIN districts d ON d.adcode = u.district_adcode
    WHERE ST_Area(ST_Difference(u.geom, d.geom)::geography) > ${NOISE_M2}`)
  for (const o of outside) fail(`unit ${o.code} reaches ${o.m2.toFixed(1)} m² out of its district`)
  // No gap needs no query of its own: units inside their district that do not overlap and add
  // up to its area leave none.

  // parks
  const parks = await rows<{
    name: string
    unit_code: string
    units: string[]
    classes: string[]
  }>(`
    SELECT p.name, p.unit_code,
      ARRAY(SELECT u.code FROM control_units u WHERE ST_Covers(u.geom, p.geom)) AS units,
      ARRAY(SELECT u.class FROM control_units u WHERE ST_Covers(u.geom, p.geom)) AS classes
    FROM industrial_parks p ORDER BY p.name`)
  for (const p of parks) {
    if (p.units.length !== 1 || p.classes[0] !== 'key' || p.units[0] !== p.unit_code) {
      fail(`${p.name} is not inside its key unit ${p.unit_code} alone (${p.units.join()})`)
    }
  }
  for (const park of ['衡阳松木经济开发区', '衡阳白沙洲工业园区']) {
    const own = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM control_units u JOIN industrial_parks p
       ON p.unit_code = u.code AND p.name = $1 AND u.name = $1 || '重点管控单元'`,
      [park],
    )
    if (own[0]!.n !== 1) fail(`${park} has no key control unit named after it`)
  }

  // layers that must not overlap themselves or each other
  for (const [label, a, b] of [
    ['no-raising zones', 'no_raising_zones', 'no_raising_zones'],
    ['ecological space and red line', 'ecological_space', 'ecological_red_line'],
    ['red-line areas', 'ecological_red_line', 'ecological_red_line'],
  ]) {
    const [o] = await rows<{ m2: number }>(`
      SELECT coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)), 0) AS m2
      FROM ${a} a JOIN ${b} b ON ST_Intersects(a.geom, b.geom)
      WHERE '${a}' <> '${b}' OR a.id < b.id`)
    if (o!.m2 > NOISE_M2) fail(`${label} overlap by ${o!.m2.toFixed(1)} m²`)
  }

  failures.push(...(await zoneFailures(db)), ...(await referenceFailures(db)))

  const farms = await rows<{ name: string }>(`
    SELECT f.name FROM facilities f WHERE f.kind = 'farm' AND EXISTS (
      SELECT 1 FROM no_raising_zones z
      WHERE z.kind = 'no_raising' AND ST_Intersects(z.geom, f.geom))
    ORDER BY f.name`)
  if (farms.length === 0) fail('no farm lies in a no-raising zone')
  return { failures, counts, classes, districts, farmsInNoRaising: farms.map((f) => f.name) }
}

/** Nested zones that do not overlap, the red line over the reserve, the Xiang in the centre. */
async function zoneFailures(db: SampleDb): Promise<string[]> {
  const failures: string[] = []
  const rows = async <T>(sql: string, params: unknown[] = []) =>
    (await db.query<T>(sql, params)).rows

  const sources = await rows<{ source_name: string; levels: string[]; overlap: number }>(`
    SELECT a.source_name, array_agg(DISTINCT a.level) AS levels,
      coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography))
        FILTER (WHERE a.level < b.level), 0) AS overlap
    FROM water_source_zones a JOIN water_source_zones b USING (source_name)
    GROUP BY a.source_name`)
  if (sources.length < 3) failures.push(`expected 3 or more water sources, got ${sources.length}`)
  for (const s of sources) {
    if (s.levels.length !== 3) failures.push(`${s.source_name} lacks a level: ${s.levels}`)
    if (s.overlap > NOISE_M2) failures.push(`${s.source_name} zones overlap by ${s.overlap} m²`)
  }

  const reserve = await rows<{ zones: number; overlap: number; uncovered: number }>(`
    SELECT count(DISTINCT a.zone)::int AS zones,
      coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography))
        FILTER (WHERE a.zone < b.zone), 0) AS overlap,
      (SELECT ST_Area(ST_Difference(ST_Union(z.geom),
         (SELECT ST_Union(geom) FROM ecological_red_line))::geography)
       FROM nature_reserve_zones z WHERE z.zone IN ('core', 'buffer')) AS uncovered
    FROM nature_reserve_zones a JOIN nature_reserve_zones b USING (reserve_name)`)
  const r = reserve[0]!
  if (r.zones !== 3) failures.push(`the reserve has ${r.zones} zones instead of 3`)
  if (r.overlap > NOISE_M2) failures.push(`reserve zones overlap by ${r.overlap} m²`)
  if (r.uncovered > NOISE_M2)
    failures.push(`${r.uncovered} m² of core and buffer lie off the red line`)

  // The stretch of the centre boundary lying more than about a metre (1e-5°) off the Xiang.
  const xiang = await rows<{ parts: number; off: number }>(
    `WITH centre AS (
       SELECT ST_Intersection(ST_Boundary(z.geom), ST_Boundary(ST_Union(w.geom))) AS g
       FROM districts z, districts w WHERE z.adcode = $1 AND w.adcode IN ($2, $3)
       GROUP BY z.geom
     )
     SELECT ST_NumGeometries(r.geom) AS parts,
       ST_Length(ST_Difference(centre.g, ST_Buffer(r.geom, 0.00001))::geography) AS off
     FROM rivers r, centre WHERE r.name = '湘江'`,
    [D.zhuhui, D.yanfeng, D.shigu],
  )
  if (xiang[0]?.parts !== 1) failures.push('the Xiang is not one line')
  if (!(xiang[0]!.off === 0)) {
    failures.push(`${xiang[0]!.off} m of the central district boundary lie off the Xiang`)
  }
  return failures
}

/** Rules that name only existing units, layers, attributes and industries. */
async function referenceFailures(db: SampleDb): Promise<string[]> {
  const failures: string[] = []
  const rows = async <T>(sql: string) => (await db.query<T>(sql)).rows

  const badUnits = await rows<{ code: string }>(`
    SELECT r.code FROM rules r WHERE r.unit_code IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM control_units u WHERE u.code = r.unit_code)`)
  for (const r of badUnits) failures.push(`rule ${r.code} names an unknown unit`)
  const badIndustries = await rows<{ code: string; industry: string }>(`
    SELECT r.code, i.industry FROM rules r, unnest(r.industries) AS i(industry)
    WHERE NOT EXISTS (SELECT 1 FROM industries x WHERE x.code = i.industry)`)
  for (const r of badIndustries)
    failures.push(`rule ${r.code} names unknown industry ${r.industry}`)
  const badKinds = await rows<{ code: string }>(`
    SELECT code FROM rules WHERE NOT project_kinds <@ ARRAY[${PROJECT_KINDS.map((k) => `'${k}'`)}]`)
  for (const r of badKinds) failures.push(`rule ${r.code} has an unknown project kind`)
  const badFilters = await rows<{ code: string }>(`
    SELECT r.code FROM rules r JOIN layers l ON l.name = r.layer, jsonb_each_text(r.layer_filter) f
    WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(l.attributes) a WHERE a->>'name' = f.key)`)
  for (const r of badFilters) failures.push(`rule ${r.code} filters on an unknown attribute`)

  // A filter that matches no feature is a rule that can never apply.
  const filters = await rows<{ code: string; table_name: string; key: string; value: string }>(`
    SELECT r.code, l.table_name, f.key, f.value
    FROM rules r JOIN layers l ON l.name = r.layer, jsonb_each_text(r.layer_filter) f
    WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(l.attributes) a WHERE a->>'name' = f.key)`)
  for (const f of filters) {
    // Names from the catalogue only, and plain, since they go into the SQL text.
    if (!/^[a-z_]+$/.test(f.table_name + f.key)) continue
    const found = await db.query(
      `SELECT 1 FROM ${f.table_name} WHERE ${f.key}::text = $1 LIMIT 1`,
      [f.value],
    )
    if (found.rows.length === 0) failures.push(`rule ${f.code}'s filter matches no feature`)
  }

  const counts = await rows<{ dimensions: number; effects: number; n: number }>(`
    SELECT count(DISTINCT dimension)::int AS dimensions, count(DISTINCT effect)::int AS effects,
      count(*)::int AS n FROM rules`)
  const c = counts[0]!
  if (c.n < 70) failures.push(`expected 70 or more rules, got ${c.n}`)
  if (c.dimensions !== 4 || c.effects !== 4) failures.push('rules miss a dimension or an effect')
  return failures
}
