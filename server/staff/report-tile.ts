import GeoJSONVT from 'geojson-vt'
import type { Queryable } from '../db/database.ts'
import { tileBounds, type TileAddress } from '../tiles/tile-address.ts'
import { encodeLayerTile } from '../tiles/tile-encoding.ts'
import { BUFFER, TILE_EXTENT, TOLERANCE } from '../tiles/tile-options.ts'
import type { ReportFilter } from './report-filter.ts'
import { readReportPoints, REPORT_POINTS_LAYER } from './report-points.ts'

/** The zooms the staff reports layer is served at, as the public layers are. */
export const REPORT_TILE_ZOOMS = { minzoom: 0, maxzoom: 14 } as const

/**
 * The reports tile at `address`: the reports `filter` selects under the tile and its buffer,
 * read on every call and cut as the public layers' window tiles are (a one-tile geojson-vt
 * index, encoded with vt-pbf), so a report shows on the next request. An empty buffer when no
 * report lies there.
 */
export async function cutReportTile(
  db: Queryable,
  filter: Pick<ReportFilter, 'where' | 'params'>,
  address: TileAddress,
): Promise<Buffer> {
  const [w, s, e, n] = tileBounds(address)
  const pad = ((e - w) * BUFFER) / TILE_EXTENT
  const envelope: [number, number, number, number] = [
    w - pad,
    Math.max(s - pad, -85.06),
    e + pad,
    Math.min(n + pad, 85.06),
  ]
  const points = await readReportPoints(db, filter, envelope)
  if (points.features.length === 0) return Buffer.alloc(0)

  const index = new GeoJSONVT(points, {
    maxZoom: address.z,
    indexMaxZoom: address.z,
    indexMaxPoints: 0,
    tolerance: TOLERANCE,
    buffer: BUFFER,
    extent: TILE_EXTENT,
  })
  const tile = index.getTile(address.z, address.x, address.y)
  return (tile && encodeLayerTile(REPORT_POINTS_LAYER, tile)) ?? Buffer.alloc(0)
}
