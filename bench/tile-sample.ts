import { seededRandom } from '../scripts/sample/seeded-random.ts'
import type { TileAddress } from '../server/tiles/tile-address.ts'
import {
  rangeAddresses,
  rangeSize,
  tileRangeCovering,
  type LonLatBox,
} from '../server/tiles/tile-range.ts'

/** Every tile over the box at each zoom from `minzoom` to `maxzoom`, zoom by zoom. Pure. */
export function pyramidTiles(box: LonLatBox, minzoom: number, maxzoom: number): TileAddress[] {
  const tiles: TileAddress[] = []
  for (let z = minzoom; z <= maxzoom; z++) tiles.push(...rangeAddresses(tileRangeCovering(box, z)))
  return tiles
}

/**
 * Up to `perZoom` tiles over the box at each zoom, drawn without replacement from the seeded
 * generator and kept only when `keep` accepts them (for instance, tiles with data), in the order
 * drawn, zoom by zoom. A zoom with fewer tiles than asked gives all of those `keep` accepts.
 * The same box, zooms, count, seed and `keep` always give the same tiles.
 */
export async function sampleTiles(
  box: LonLatBox,
  minzoom: number,
  maxzoom: number,
  perZoom: number,
  seed: number,
  keep: (tile: TileAddress) => boolean | Promise<boolean> = () => true,
): Promise<TileAddress[]> {
  const random = seededRandom(seed)
  const tiles: TileAddress[] = []
  for (let z = minzoom; z <= maxzoom; z++) {
    const range = tileRangeCovering(box, z)
    const size = rangeSize(range)
    const width = range.maxX - range.minX + 1
    // A partial Fisher-Yates shuffle over the range's indices, kept sparse: ranges at zoom 14
    // hold tens of thousands of tiles, of which only a few are drawn.
    const swapped = new Map<number, number>()
    let taken = 0
    for (let i = 0; i < size && taken < perZoom; i++) {
      const j = i + Math.floor(random() * (size - i))
      const index = swapped.get(j) ?? j
      swapped.set(j, swapped.get(i) ?? i)
      const tile = { z, x: range.minX + (index % width), y: range.minY + Math.floor(index / width) }
      if (await keep(tile)) {
        tiles.push(tile)
        taken++
      }
    }
  }
  return tiles
}

/** The tile as the last part of a URL, `z/x/y`. */
export function tilePath({ z, x, y }: TileAddress): string {
  return `${z}/${x}/${y}`
}
