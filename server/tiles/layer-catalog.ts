import type { Logger } from 'pino'
import { NO_DATASET, readDatasetInfo, type DatasetInfo } from '../data/dataset-info.ts'
import { isDatabaseTrouble } from '../db/database-errors.ts'
import type { Queryable } from '../db/database.ts'
import { COMPOSITE_NAME, compositeTileSet, layerTileSet, type TileSet } from './tile-set.ts'

export type AttributeType = 'text' | 'integer' | 'number'

export interface LayerAttribute {
  name: string
  type: AttributeType
  required: boolean
  description_zh: string
  description_en: string
  aliases: string[]
  /** For an attribute holding one of a fixed set: each code, with the Chinese forms files
   * write for it (sql/009_attribute_value_aliases.sql). */
  values?: AttributeValue[]
}

/** One value of a fixed set: what the table stores, and what bureau files write instead. */
export interface AttributeValue {
  code: string
  aliases: string[]
}

export interface Layer {
  name: string
  tableName: string
  titleZh: string
  titleEn: string
  geometryKind: 'polygon' | 'line' | 'point'
  /** The control units, an overlay zone, a feature distance rules measure from, or context. */
  role: 'units' | 'zone' | 'feature' | 'context'
  attributes: LayerAttribute[]
  minzoom: number
  maxzoom: number
  /** Cache-Control for the layer's tiles, seconds. */
  maxAge: number
  staleWhileRevalidate: number
  dataVersion: number
  /** Drawn anew at every import (see sql/008_layer_data_token.sql). */
  dataToken: string
  featureCount: number
  repairedCount: number
  source: string | null
  loadedAt: string | null
  /** [west, south, east, north] in lon/lat, or undefined while the layer is empty. */
  bounds: [number, number, number, number] | undefined
  /**
   * Set on the label points of an area layer (label-layers.ts): the area layer they are read
   * from, one point per area.
   */
  labelPointsOf?: string
}

interface LayerRow {
  name: string
  table_name: string
  title_zh: string
  title_en: string
  geometry_kind: Layer['geometryKind']
  role: Layer['role']
  attributes: LayerAttribute[]
  minzoom: number
  maxzoom: number
  data_version: number
  data_token: string
  feature_count: number
  repaired_count: number
  source: string | null
  loaded_at: Date | string | null
  bounds: number[] | null
  max_age_s: number
  stale_while_revalidate_s: number
}

/** Every layer of the catalogue in display order. */
export async function readLayers(db: Queryable): Promise<Layer[]> {
  const rows = await db.query<LayerRow>(
    `SELECT name, table_name, title_zh, title_en, geometry_kind, role, attributes, minzoom,
            maxzoom, data_version, data_token, feature_count, repaired_count, source, loaded_at,
            bounds, max_age_s, stale_while_revalidate_s
       FROM layers ORDER BY sort_order, name`,
  )
  return rows.map((row) => ({
    name: row.name,
    tableName: row.table_name,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    geometryKind: row.geometry_kind,
    role: row.role,
    attributes: row.attributes,
    minzoom: row.minzoom,
    maxzoom: row.maxzoom,
    maxAge: row.max_age_s,
    staleWhileRevalidate: row.stale_while_revalidate_s,
    dataVersion: row.data_version,
    dataToken: row.data_token,
    featureCount: row.feature_count,
    repairedCount: row.repaired_count,
    source: row.source,
    loadedAt: row.loaded_at === null ? null : new Date(row.loaded_at).toISOString(),
    bounds: row.bounds?.length === 4 ? (row.bounds as Layer['bounds']) : undefined,
  }))
}

/** While the database cannot be read, how long the catalogue last read is used before trying. */
export const CATALOG_RETRY_MS = 1_000

/**
 * The catalogue as the server sees it, with the dataset's description: read from the database
 * at most once per `refreshMs`, so an import made by another process shows within that time
 * without a query per request.
 *
 * While the database cannot answer (restarting, unreachable, timing out), what was read last
 * keeps being used, tried again at most once per CATALOG_RETRY_MS: cached tiles, tiles cut from
 * memory, the tile catalogue and TileJSON need nothing else from the database, so they keep
 * being served through an outage. Not after `invalidate`: an import has changed the layers
 * since that read.
 */
export class LayerCatalog {
  #db: Queryable
  #refreshMs: number
  #log: Logger | undefined
  #layers: Map<string, Layer> = new Map()
  #tileSets: Map<string, TileSet> = new Map()
  #dataset: DatasetInfo = NO_DATASET
  #readText = ''
  #readAt = -Infinity
  /** Whether what was read may stand in while the database cannot answer. */
  #usable = false
  /** When reading failed and the last read was kept (performance.now()); -Infinity otherwise. */
  #keptAt = -Infinity
  #generation = 0
  #pending: Promise<void> | undefined

  constructor(db: Queryable, refreshMs: number, log?: Logger) {
    this.#db = db
    this.#refreshMs = refreshMs
    this.#log = log
  }

  /** Every layer in display order. */
  async list(): Promise<Layer[]> {
    await this.#fresh()
    return [...this.#layers.values()]
  }

  /** What the loaded dataset says of itself (name, version, notice). */
  async dataset(): Promise<DatasetInfo> {
    await this.#fresh()
    return this.#dataset
  }

  /** The named layer, or undefined when the catalogue has none by that name. */
  async get(name: string): Promise<Layer | undefined> {
    await this.#fresh()
    return this.#layers.get(name)
  }

  /** The tile set of a layer, or the composite for its name; undefined for an unknown name. */
  async tileSet(name: string): Promise<TileSet | undefined> {
    await this.#fresh()
    return this.#tileSets.get(name)
  }

  /**
   * The tile sets by URL name (each layer, and the composite), without waiting, when the
   * catalogue was read within its refresh time (or is kept through an outage, see the class);
   * undefined otherwise, and the caller takes the slow path, which reads it again. The same map
   * comes back until a read finds a change.
   * `now` is `performance.now()`, which the caller has usually just read.
   */
  tileSetsIfFresh(now = performance.now()): ReadonlyMap<string, TileSet> | undefined {
    const fresh =
      now - this.#readAt < this.#refreshMs ||
      (this.#usable && now - this.#keptAt < CATALOG_RETRY_MS)
    return fresh ? this.#tileSets : undefined
  }

  /** Forgets what was read, so the next call reads the database again (after an import). */
  invalidate() {
    this.#readAt = -Infinity
    this.#usable = false
    // A read already under way may have started before the change: it must not count as fresh.
    this.#generation++
    this.#pending = undefined
  }

  async #fresh() {
    const now = performance.now()
    if (now - this.#readAt < this.#refreshMs) return
    if (this.#usable && now - this.#keptAt < CATALOG_RETRY_MS) return
    // One read at a time: concurrent requests wait for the same one.
    if (!this.#pending) {
      const generation = this.#generation
      const pending = Promise.all([readLayers(this.#db), readDatasetInfo(this.#db)])
        .then(
          ([layers, dataset]) => {
            if (generation !== this.#generation) return
            // A read that finds nothing changed keeps the objects, so what callers remember by
            // them (the tile fast path's parsed addresses) stays valid between imports.
            const text = JSON.stringify([layers, dataset])
            if (text !== this.#readText) {
              this.#layers = new Map(layers.map((layer) => [layer.name, layer]))
              this.#tileSets = tileSetsOf(layers)
              this.#dataset = dataset
              this.#readText = text
            }
            this.#readAt = performance.now()
            this.#usable = true
            if (this.#keptAt !== -Infinity) {
              this.#keptAt = -Infinity
              this.#log?.info('layer catalogue read again; the database answers')
            }
          },
          (error: unknown) => {
            if (generation !== this.#generation || !this.#usable || !isDatabaseTrouble(error)) {
              throw error
            }
            if (this.#keptAt === -Infinity) {
              const age = Math.round((performance.now() - this.#readAt) / 1000)
              const message = 'layer catalogue unreadable; serving the one read before meanwhile'
              this.#log?.warn({ err: error, readSecondsAgo: age }, message)
            }
            this.#keptAt = performance.now()
          },
        )
        .finally(() => {
          if (this.#pending === pending) this.#pending = undefined
        })
      this.#pending = pending
    }
    await this.#pending
    // Invalidated while reading: read again, so the caller sees the change.
    if (this.#readAt === -Infinity) await this.#fresh()
  }
}

function tileSetsOf(layers: Layer[]): Map<string, TileSet> {
  const sets = new Map(layers.map((layer) => [layer.name, layerTileSet(layer)]))
  const composite = compositeTileSet(layers)
  if (composite) sets.set(COMPOSITE_NAME, composite)
  return sets
}
