import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Feature, FeatureCollection } from 'geojson'
import type { SampleDb } from './sample-database.ts'

interface Attribute {
  name: string
  type: 'text' | 'integer' | 'number' | 'text[]'
  required: boolean
}

interface Layer {
  name: string
  table_name: string
  geometry_kind: 'polygon' | 'line' | 'point'
  attributes: Attribute[]
}

const GEOMETRY_TYPES = {
  polygon: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString'],
  point: ['Point'],
}

/** Column names are interpolated into SQL below, so only plain lower-case names pass. */
const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/

/**
 * Creates the product's schema and layer catalogue (sql/001 and sql/002 under `repoRoot`)
 * in `db` and loads the written sample files from `dir` into its tables, exactly as the
 * product stores them. Returns the problems found: files that break RFC 7946 or the
 * catalogue (missing, extra or mistyped properties, wrong geometry types), and rows the
 * tables' constraints refuse.
 */
export async function loadSample(db: SampleDb, repoRoot: string, dir: string): Promise<string[]> {
  for (const file of ['sql/001_schema.sql', 'sql/002_layer_catalog.sql']) {
    await db.exec(readFileSync(join(repoRoot, file), 'utf8'))
  }
  const problems: string[] = []
  const layers = await db.query<Layer>(
    `SELECT name, table_name, geometry_kind, attributes FROM layers ORDER BY sort_order`,
  )

  for (const layer of layers.rows) {
    const file = `${layer.name}.geojson`
    const collection = JSON.parse(readFileSync(join(dir, file), 'utf8')) as FeatureCollection
    if (collection.type !== 'FeatureCollection' || 'crs' in collection) {
      problems.push(`${file}: expected a FeatureCollection without a crs member`)
      continue
    }
    for (const [i, feature] of collection.features.entries()) {
      const issue = featureIssue(feature, layer)
      if (issue) problems.push(`${file} feature ${i}: ${issue}`)
      else await insertFeature(db, layer, feature).catch((e: Error) => problems.push(e.message))
    }
  }

  await loadIndustries(db, dir).catch((e: Error) => problems.push(`industries.json: ${e.message}`))
  await loadRules(db, dir).catch((e: Error) => problems.push(`rules.json: ${e.message}`))
  return problems
}

function featureIssue(feature: Feature, layer: Layer): string | undefined {
  const allowed = GEOMETRY_TYPES[layer.geometry_kind]
  if (!allowed.includes(feature.geometry?.type)) {
    return `geometry ${feature.geometry?.type} is not one of ${allowed.join(', ')}`
  }
  const properties = feature.properties ?? {}
  const expected = layer.attributes.map((a) => a.name)
  const actual = Object.keys(properties)
  if (expected.join() !== actual.join()) {
    return `properties ${actual.join(', ')} differ from the catalogue's ${expected.join(', ')}`
  }
  for (const attribute of layer.attributes) {
    const value = properties[attribute.name]
    if (value === null || value === undefined) {
      if (attribute.required) return `${attribute.name} is required`
    } else if (!hasType(value, attribute.type)) {
      return `${attribute.name} = ${JSON.stringify(value)} is not ${attribute.type}`
    }
  }
  return undefined
}

function hasType(value: unknown, type: Attribute['type']): boolean {
  if (type === 'integer') return Number.isInteger(value)
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value)
  if (type === 'text[]') return Array.isArray(value) && value.every((v) => typeof v === 'string')
  return typeof value === 'string'
}

async function insertFeature(db: SampleDb, layer: Layer, feature: Feature) {
  const columns = layer.attributes.map((a) => a.name)
  if (![layer.table_name, ...columns].every((name) => PLAIN_NAME.test(name))) {
    throw new Error(`Layer ${layer.name} has a table or column name that is not plain`)
  }
  const placeholders = columns.map((_, i) => `$${i + 1}`)
  const parsed = `ST_SetSRID(ST_GeomFromGeoJSON($${columns.length + 1}::text), 4326)`
  const geometry = layer.geometry_kind === 'point' ? parsed : `ST_Multi(${parsed})`
  await db.query(
    `INSERT INTO ${layer.table_name} (${[...columns, 'geom'].join(', ')})
     VALUES (${[...placeholders, geometry].join(', ')})`,
    [...columns.map((c) => feature.properties?.[c] ?? null), JSON.stringify(feature.geometry)],
  )
}

async function loadIndustries(db: SampleDb, dir: string) {
  const industries = JSON.parse(readFileSync(join(dir, 'industries.json'), 'utf8')) as Record<
    string,
    string | null
  >[]
  for (const i of industries) {
    await db.query(
      `INSERT INTO industries (code, name_zh, name_en, level, parent_code)
       VALUES ($1, $2, $3, $4, $5)`,
      [i.code, i.name_zh, i.name_en, i.level, i.parent_code],
    )
  }
}

async function loadRules(db: SampleDb, dir: string) {
  const rules = JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8')) as Record<
    string,
    unknown
  >[]
  for (const r of rules) {
    await db.query(
      `INSERT INTO rules (code, unit_code, unit_class, layer, layer_filter, within_m, dimension,
         effect, industries, project_kinds, text_zh, legal_basis)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12)`,
      [
        r.code,
        r.unit_code ?? null,
        r.unit_class ?? null,
        r.layer ?? null,
        r.layer_filter === undefined ? null : JSON.stringify(r.layer_filter),
        r.within_m ?? null,
        r.dimension,
        r.effect,
        r.industries,
        r.project_kinds,
        r.text_zh,
        r.legal_basis,
      ],
    )
  }
}
