import { openDatabase } from '../server/db/open-database.ts'
import { LayerCatalog } from '../server/tiles/layer-catalog.ts'
import type { TileAddress } from '../server/tiles/tile-address.ts'
import { DEFAULT_CUTTER_OPTIONS, TileCutter } from '../server/tiles/tile-cutter.ts'
import { latencyByZoom, type Sweep } from './cold-sweep.ts'
import { runConcurrently } from './tile-client.ts'

/**
 * Cuts every tile of `set` with the product's cutter in this process, as ST_AsMVT is timed:
 * no HTTP, no compression, no cache. The cutter is new and readies its sources first, as the
 * server does when it starts: reading the layers and building their indexes is timed apart.
 */
export async function sweepCutter(
  databaseUrl: string,
  set: string,
  tiles: TileAddress[],
  concurrency: number,
): Promise<Sweep> {
  const db = await openDatabase({ url: databaseUrl, poolSize: concurrency })
  try {
    const tileSet = await new LayerCatalog(db, 60_000).tileSet(set)
    if (!tileSet) throw new Error(`No tile set named ${set} in ${databaseUrl}.`)
    const cutter = new TileCutter(db, DEFAULT_CUTTER_OPTIONS)
    const readying = performance.now()
    for (const prepared of await cutter.prepare(tileSet.layers)) {
      if ('error' in prepared) throw prepared.error
    }
    const readyMs = performance.now() - readying
    const { results, ms } = await runConcurrently(tiles, concurrency, async (tile) => {
      const started = performance.now()
      const bytes = await cutter.cut(tileSet.layers, tile)
      return { tile, ms: performance.now() - started, bytes: bytes.length }
    })
    return { ms, zooms: latencyByZoom(results), readyMs }
  } finally {
    await db.close()
  }
}
