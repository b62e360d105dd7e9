import pg from 'pg'
import type { Queryable } from '../db/database.ts'
import { CATALOG_CHANGED } from '../tiles/catalog-changes.ts'
import type { Layer } from '../tiles/layer-catalog.ts'
import type { FeatureRow } from './feature-rows.ts'
import { HOLE_OUTSIDE_SHELL, ImportError } from './import-error.ts'

export interface LayerImportResult {
  layer: string
  features: number
  /** Geometries that PostGIS found invalid and ST_MakeValid repaired. */
  repaired: number
  /** The first of them by feature number, for an operator to look at: a repair may change
   * what a shape means (a bow-tie becomes two triangles). */
  repairedFeatures: number[]
  dataVersion: number
}

// Rows go to PostgreSQL as one JSON array per statement; this many keeps each statement well
// under a few megabytes for typical zoning polygons.
const BATCH_SIZE = 500

const COLLECTION_TYPE: Record<Layer['geometryKind'], number> = { point: 1, line: 2, polygon: 3 }
const SQL_TYPE = { text: 'text', integer: 'integer', number: 'double precision' } as const

/** A batch element's geometry (`[geojson, values, number]`) as PostGIS reads it. */
const RAW_GEOMETRY = 'ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(f.value->>0), 4326))'

/** How many repaired features an import names. */
const REPAIRS_LISTED = 20

/**
 * Replaces a layer's features with `rows`: they are loaded into a staging table, repaired with
 * ST_MakeValid, checked, and swapped into the layer's table, and the layer's data version is
 * bumped. Run it inside a transaction (`tx`): when anything fails, nothing has changed, and
 * readers see the old features until the commit.
 */
export async function replaceLayer(
  tx: Queryable,
  layer: Layer,
  rows: FeatureRow[],
  source: string,
): Promise<LayerImportResult> {
  const target = pg.escapeIdentifier(layer.tableName)
  const staging = pg.escapeIdentifier(`staging_${layer.tableName}`)
  const columns = layer.attributes.map((a) => pg.escapeIdentifier(a.name))

  await tx.query(`DROP TABLE IF EXISTS ${staging}`)
  await tx.query(
    `CREATE TEMP TABLE ${staging} (LIKE ${target} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
     ON COMMIT DROP`,
  )
  await tx.query(`ALTER TABLE ${staging} ADD COLUMN feature_no integer, ADD COLUMN was_valid bool`)
  const hasArea = layer.attributes.some((a) => a.name === 'area_km2')
  // Area is always recomputed on the ellipsoid below: source files state it in varied units.
  if (hasArea) await tx.query(`ALTER TABLE ${staging} ALTER COLUMN area_km2 DROP NOT NULL`)

  const raw = RAW_GEOMETRY
  const collection = COLLECTION_TYPE[layer.geometryKind]
  // Polygons are made valid keeping their structure: the parts of a MultiPolygon that overlap
  // are merged into their union, holes are taken out of it. The default would keep only what
  // the rings enclose an odd number of times, dropping where two parts overlap.
  const method = layer.geometryKind === 'polygon' ? ", 'method=structure'" : ''
  const repaired =
    layer.geometryKind === 'point'
      ? raw
      : `ST_Multi(ST_CollectionExtract(ST_MakeValid(${raw}${method}), ${collection}))`
  const casts = layer.attributes.map((a, i) => `(f.value->1->>${i})::${SQL_TYPE[a.type]}`)

  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows
      .slice(start, start + BATCH_SIZE)
      .map((row) => [
        JSON.stringify(row.geometry),
        layer.attributes.map((a) => row.values[a.name] ?? null),
        row.number,
      ])
    await tx.query(
      `INSERT INTO ${staging}
              (geom, was_valid, feature_no${columns.map((c) => `, ${c}`).join('')})
       SELECT ${repaired}, ST_IsValid(${raw}), (f.value->>2)::integer
              ${casts.map((c) => `, ${c}`).join('')}
         FROM jsonb_array_elements($1::jsonb) AS f`,
      [JSON.stringify(batch)],
    )
  }

  const [empty] = await tx.query<{ feature_no: number }>(
    `SELECT feature_no FROM ${staging} WHERE ST_IsEmpty(geom) ORDER BY feature_no LIMIT 1`,
  )
  if (empty) {
    throw new ImportError('The geometry is empty once repaired (degenerate rings or lines).', {
      feature: empty.feature_no,
    })
  }
  if (layer.geometryKind === 'polygon') {
    const beyond = await firstHoleBeyondShells(tx, staging, rows, repaired)
    if (beyond !== undefined) {
      throw new ImportError(HOLE_OUTSIDE_SHELL, { feature: beyond })
    }
  }
  if (hasArea) {
    await tx.query(`UPDATE ${staging} SET area_km2 = ST_Area(geom::geography) / 1e6`)
  }

  await tx.query(`DELETE FROM ${target}`)
  await tx.query(
    `INSERT INTO ${target} (geom${columns.map((c) => `, ${c}`).join('')})
     SELECT geom${columns.map((c) => `, ${c}`).join('')} FROM ${staging} ORDER BY feature_no`,
  )
  type Stats = { features: number; repaired: number; first: number[] | null; b: number[] | null }
  const [stats] = await tx.query<Stats>(
    `SELECT count(*)::integer AS features,
            count(*) FILTER (WHERE NOT was_valid)::integer AS repaired,
            (SELECT array_agg(feature_no ORDER BY feature_no)
               FROM (SELECT feature_no FROM ${staging} WHERE NOT was_valid
                      ORDER BY feature_no LIMIT ${REPAIRS_LISTED}) AS listed) AS first,
            (SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)]
               FROM (SELECT ST_Extent(geom)::geometry AS e FROM ${staging}) AS extent) AS b
       FROM ${staging}`,
  )
  const [version] = await tx.query<{ data_version: number }>(
    `UPDATE layers
        SET data_version = data_version + 1,
            data_token = DEFAULT,
            feature_count = $2, repaired_count = $3,
            bounds = $4::double precision[], source = $5, loaded_at = now()
      WHERE name = $1
      RETURNING data_version`,
    [layer.name, stats!.features, stats!.repaired, stats!.b, source],
  )
  await tx.query(`DROP TABLE ${staging}`)
  // Servers listening on this channel drop their view of the catalogue when the import commits.
  await tx.query('SELECT pg_notify($1, $2)', [CATALOG_CHANGED, layer.name])

  return {
    layer: layer.name,
    features: stats!.features,
    repaired: stats!.repaired,
    repairedFeatures: stats!.first ?? [],
    dataVersion: version!.data_version,
  }
}

/**
 * The number of the first repaired feature with a hole drawn outside its outer ring, which the
 * repair has made into land of its own: the feature would hold ground it does not. Only the
 * features found invalid are read again, from their GeoJSON, as the staging table keeps none.
 */
async function firstHoleBeyondShells(
  tx: Queryable,
  staging: string,
  rows: FeatureRow[],
  repaired: string,
): Promise<number | undefined> {
  const invalid = await tx.query<{ feature_no: number }>(
    `SELECT feature_no FROM ${staging} WHERE NOT was_valid ORDER BY feature_no`,
  )
  if (invalid.length === 0) return undefined
  const numbers = new Set(invalid.map((row) => row.feature_no))
  const suspects = rows
    .filter((row) => numbers.has(row.number))
    .map((row) => [JSON.stringify(row.geometry), null, row.number])
  const [found] = await tx.query<{ feature_no: number }>(
    `SELECT (f.value->>2)::integer AS feature_no
       FROM jsonb_array_elements($1::jsonb) AS f
      WHERE NOT ST_Covers(
              (SELECT ST_Union(ST_MakeValid(ST_MakePolygon(ST_ExteriorRing((d).geom))))
                 FROM ST_Dump(${RAW_GEOMETRY}) AS d),
              ${repaired})
      ORDER BY 1
      LIMIT 1`,
    [JSON.stringify(suspects)],
  )
  return found?.feature_no
}
