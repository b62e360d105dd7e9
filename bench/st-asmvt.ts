import pg from 'pg'
import type { Layer } from '../server/tiles/layer-catalog.ts'
import type { TileAddress } from '../server/tiles/tile-address.ts'
import { BUFFER, TILE_EXTENT } from '../server/tiles/tile-options.ts'

/** Half the side of the Web Mercator square, metres. */
const MERCATOR_HALF = 20037508.342789244

/**
 * The SQL that cuts one tile in PostGIS the way Martin and pg_tileserv do: one statement per
 * tile, ST_TileEnvelope for the bounds, the index searched with the envelope (widened by the
 * buffer) taken back to the table's lon/lat, each feature transformed to Web Mercator and cut
 * by ST_AsMVTGeom, one ST_AsMVT layer per catalogue layer, the layers' bytes concatenated.
 * Same extent, buffer and attributes as our tiles. Parameters: $1 z, $2 x, $3 y. Pure.
 */
export function stAsMvtSql(layers: Layer[]): string {
  const margin = BUFFER / TILE_EXTENT
  const parts = layers.map((layer) => {
    const columns = layer.attributes.map((a) => `, ${pg.escapeIdentifier(a.name)}`).join('')
    return `coalesce((SELECT ST_AsMVT(t, ${pg.escapeLiteral(layer.name)}, ${TILE_EXTENT},
                                  'geom', 'id')
              FROM (SELECT id${columns},
                           ST_AsMVTGeom(ST_Transform(l.geom, 3857), b.env, ${TILE_EXTENT},
                                        ${BUFFER}, true) AS geom
                      FROM ${pg.escapeIdentifier(layer.tableName)} AS l, b
                     WHERE l.geom && b.box) AS t
             WHERE t.geom IS NOT NULL), ''::bytea)`
  })
  // Clamped to the Mercator square first: PROJ wraps an x beyond it to the other side of the
  // antimeridian, which would turn the box of a tile touching 180° inside out.
  return `WITH t AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS env,
         ST_TileEnvelope($1, $2, $3, margin => ${margin}) AS wide
), b AS (
  SELECT env,
         ST_Transform(ST_MakeEnvelope(
           greatest(ST_XMin(wide), ${-MERCATOR_HALF}), greatest(ST_YMin(wide), ${-MERCATOR_HALF}),
           least(ST_XMax(wide), ${MERCATOR_HALF}), least(ST_YMax(wide), ${MERCATOR_HALF}), 3857),
           4326) AS box
    FROM t
)
SELECT ${parts.join('\n    || ')} AS mvt`
}

/** Cuts tiles with ST_AsMVT over a pool of `connections` connections. */
export class StAsMvtCutter {
  #pool: pg.Pool
  #sql: string

  constructor(url: string, layers: Layer[], connections: number) {
    this.#pool = new pg.Pool({ connectionString: url, max: connections })
    this.#pool.on('error', () => {})
    this.#sql = stAsMvtSql(layers)
  }

  /** Opens every connection of the pool, so the first tiles do not pay for connecting. */
  async connect(connections: number): Promise<void> {
    const clients = await Promise.all(
      Array.from({ length: connections }, () => this.#pool.connect()),
    )
    for (const client of clients) client.release()
  }

  /** The tile's bytes, uncompressed; empty when no layer has features there. */
  async cut({ z, x, y }: TileAddress): Promise<Buffer> {
    const result = await this.#pool.query<{ mvt: Buffer }>(this.#sql, [z, x, y])
    return result.rows[0]!.mvt
  }

  close(): Promise<void> {
    return this.#pool.end()
  }
}
