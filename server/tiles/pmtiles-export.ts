import { tilesInHilbertOrder } from './hilbert-tile-id.ts'
import { PmtilesWriter, type PmtilesArchiveInfo, type PmtilesSummary } from './pmtiles-writer.ts'
import type { TileAddress } from './tile-address.ts'
import type { TilePyramid } from './tile-pyramid.ts'
import type { LonLatBox } from './tile-range.ts'
import type { TileService } from './tile-service.ts'
import { tileJson } from './tilejson.ts'

export interface ExportOptions {
  /** Tiles in progress at once, at least 1. */
  concurrency: number
  /** Plain-text attribution for the metadata, as TileJSON carries it. */
  attribution: string
  /** Called after each tile with the number done so far. */
  onProgress?: (done: number) => void
}

export interface ExportSummary extends PmtilesSummary {
  /** Tiles rendered, empty ones included. */
  tiles: number
  /** Tiles with no feature, left out of the archive. */
  empty: number
  seconds: number
}

/** The pyramid holds no tile with content, so there is no archive to write. */
export class NothingToExportError extends Error {
  constructor(set: string, tiles: number) {
    super(`Every one of the ${tiles} tiles of ${set} in the range is empty; no archive written.`)
    this.name = 'NothingToExportError'
  }
}

/** Web Mercator's world, for a tile set whose layers have no bounds. */
const WORLD: LonLatBox = [-180, -85.0511287, 180, 85.0511287]

/**
 * Writes the pyramid's tiles to a PMTiles v3 archive at `file`: the bytes the server serves,
 * taken from the cache or cut and cached through `tiles`, gzip-compressed, empty tiles left
 * out. Tiles are rendered up to `concurrency` at a time but written in tile id order. The file
 * appears only when the archive is complete; throws NothingToExportError when every tile is
 * empty.
 */
export async function exportPmtiles(
  pyramid: TilePyramid,
  tiles: TileService,
  file: string,
  options: ExportOptions,
): Promise<ExportSummary> {
  const started = performance.now()
  const writer = await PmtilesWriter.create(file)
  try {
    const addresses = inIdOrder(pyramid)
    const window: Promise<[TileAddress, Buffer]>[] = []
    const fill = () => {
      while (window.length < Math.max(1, options.concurrency)) {
        const next = addresses.next()
        if (next.done) return
        const address = next.value
        const pending = tiles
          .tile(pyramid.set, address)
          .then((tile): [TileAddress, Buffer] => [address, tile.gzipped])
        // Awaited in turn below; until then a failure must not count as unhandled.
        pending.catch(() => {})
        window.push(pending)
      }
    }

    let done = 0
    let empty = 0
    for (fill(); window.length > 0; fill()) {
      const [address, gzipped] = await window.shift()!
      if (gzipped.length === 0) empty++
      else await writer.addTile(address, gzipped)
      done++
      options.onProgress?.(done)
    }
    if (writer.tileCount === 0) throw new NothingToExportError(pyramid.set.name, done)

    const written = await writer.finish(archiveInfo(pyramid, options.attribution))
    const seconds = (performance.now() - started) / 1000
    return { ...written, tiles: done, empty, seconds }
  } catch (error) {
    await writer.abort()
    throw error
  }
}

/**
 * Header fields and metadata of the archive: the zooms rendered, the data's bounds, and the
 * set's TileJSON fields (name, description, version, attribution, `vector_layers` with their
 * zooms kept within the archive's, and only those in it). Pure.
 */
export function archiveInfo(pyramid: TilePyramid, attribution: string): PmtilesArchiveInfo {
  const { set, ranges } = pyramid
  const minzoom = ranges[0]?.z ?? set.minzoom
  const maxzoom = ranges.at(-1)?.z ?? set.maxzoom
  const bounds = pyramid.bounds ?? WORLD
  const doc = tileJson(set, { baseUrl: '', attribution })
  const within = (zoom: number) => Math.min(Math.max(zoom, minzoom), maxzoom)

  return {
    minzoom,
    maxzoom,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, within(doc.center[2]!)],
    metadata: {
      name: doc.name,
      description: doc.description,
      version: doc.version,
      attribution: doc.attribution,
      type: 'overlay',
      vector_layers: doc.vector_layers
        .filter((layer) => layer.minzoom <= maxzoom && layer.maxzoom >= minzoom)
        .map((layer) => ({
          ...layer,
          minzoom: within(layer.minzoom),
          maxzoom: within(layer.maxzoom),
        })),
    },
  }
}

function* inIdOrder(pyramid: TilePyramid): Generator<TileAddress> {
  // Ranges ascend by zoom, and every id of a zoom lies below those of the next.
  for (const range of pyramid.ranges) yield* tilesInHilbertOrder(range)
}
