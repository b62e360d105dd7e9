import type GeoJSONVT from 'geojson-vt'
import type { TileAddress } from './tile-address.ts'

/**
 * geojson-vt keeps every tile it cuts in its `tiles` store: the tile's simplified geometry
 * (`features`), and the full geometry clipped to it (`source`) while deeper tiles may be cut
 * from it. Its source calls the store public; its typings leave it out. These functions let an
 * index's owner drop geometry it will not ask for again. Written against geojson-vt 5 (pinned in
 * package.json); an index without such a store is left as it is, and the tests of this module
 * fail if the store changes.
 */
interface StoredTile {
  z?: unknown
  features?: unknown
  source?: unknown
}

function storeOf(index: GeoJSONVT): Record<number, StoredTile> | undefined {
  const store = (index as unknown as { tiles?: Record<number, StoredTile> | null }).tiles
  return typeof store === 'object' && store !== null ? store : undefined
}

/** geojson-vt's key for a tile in its store. */
const storeKey = ({ z, x, y }: TileAddress) => ((1 << z) * y + x) * 32 + z

/** Drops the simplified geometry of the stored tiles from `minzoom` to `maxzoom`. */
export function releaseZooms(index: GeoJSONVT, minzoom: number, maxzoom: number): void {
  for (const tile of Object.values(storeOf(index) ?? {})) {
    const { z } = tile
    const covered = typeof z === 'number' && z >= minzoom && z <= maxzoom
    if (covered && Array.isArray(tile.features)) tile.features = []
  }
}

/**
 * Drops the simplified geometry of the stored tile at `address`, and its full geometry too when
 * `deepest`: no tile below it will be cut from that.
 */
export function releaseTile(index: GeoJSONVT, address: TileAddress, deepest: boolean): void {
  const tile = storeOf(index)?.[storeKey(address)]
  if (!tile || tile.z !== address.z) return
  if (Array.isArray(tile.features)) tile.features = []
  if (deepest && Array.isArray(tile.source)) tile.source = null
}
