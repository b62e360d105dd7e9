import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type Router from '@koa/router'
import type { Context } from 'koa'
import type { Queryable } from '../db/database.ts'
import { requireTileEncoding } from '../http/accept-encoding.ts'
import { baseUrlOf } from '../http/base-url.ts'
import { badRequest } from '../http/http-error.ts'
import { createRouter } from '../http/router.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'
import { assertZoomInRange, parseTileAddress } from '../tiles/tile-address.ts'
import { compositeTileSet } from '../tiles/tile-set.ts'
import { unionBounds } from '../tiles/tilejson.ts'
import { readReportFilter, type ReportFilter } from './report-filter.ts'
import { REPORT_POINT_FIELDS, REPORT_POINTS_LAYER } from './report-points.ts'
import { cutReportTile, REPORT_TILE_ZOOMS } from './report-tile.ts'
import { requireStaff } from './staff-auth.ts'

export interface StaffTileDeps {
  db: Queryable
  catalog: LayerCatalog
  /** Public base URL when the server sits behind a proxy; else taken from the request. */
  publicUrl?: string
}

const MVT_TYPE = 'application/vnd.mapbox-vector-tile'
const gzipAsync = promisify(gzip)

/**
 * Tiles hold where people reported from and what the bureau did about it: no shared cache, CDN
 * or browser disk may keep them, and each request reads the reports afresh, so a new report or
 * status shows on the next request.
 */
const PRIVATE = 'private, no-store'

/**
 * The reports as a vector tile layer for bureau staff, behind a staff token of any role (a
 * viewer may read the list, which holds every report's place): TileJSON at
 * /api/staff/tiles/reports.json and tiles at /api/staff/tiles/reports/{z}/{x}/{y}.mvt, one
 * point per report in the source layer `reports`. Both take the filters of the report list
 * (not its paging), so the map can show what the list shows. Never cached, never in the public
 * tile cache or catalogue, and not open to other origins.
 */
export function staffTileRoutes(deps: StaffTileDeps): Router {
  const { db, catalog } = deps
  const router = createRouter({ prefix: '/api/staff/tiles' })
  const viewer = requireStaff(db, 'viewer')

  router.get(`/${REPORT_POINTS_LAYER}.json`, viewer, async (ctx) => {
    readTileFilter(ctx)
    const set = compositeTileSet(await catalog.list())
    const bounds = (set && unionBounds(set)) ?? [-180, -85.0511, 180, 85.0511]
    const { minzoom, maxzoom } = REPORT_TILE_ZOOMS
    const query = filterQuery(ctx)
    const base = `${baseUrlOf(ctx, deps.publicUrl)}/api/staff/tiles/${REPORT_POINTS_LAYER}`
    ctx.set('Cache-Control', PRIVATE)
    ctx.body = {
      tilejson: '3.0.0',
      name: '举报点位（仅限工作人员）',
      description: 'Pollution reports, for bureau staff only',
      scheme: 'xyz',
      tiles: [`${base}/{z}/{x}/{y}.mvt${query}`],
      minzoom,
      maxzoom,
      bounds,
      center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.min(8, maxzoom)],
      vector_layers: [
        {
          id: REPORT_POINTS_LAYER,
          description: 'One point per pollution report',
          minzoom,
          maxzoom,
          fields: REPORT_POINT_FIELDS,
        },
      ],
    }
  })

  router.get(`/${REPORT_POINTS_LAYER}/:z/:x/:file`, viewer, async (ctx) => {
    const { z = '', x = '', file = '' } = ctx.params
    if (!file.endsWith('.mvt')) {
      const message = `Tiles are served as .mvt (Mapbox Vector Tile), got "${file.slice(0, 40)}".`
      throw badRequest('TILE_FORMAT_UNSUPPORTED', message, 'format')
    }
    const address = parseTileAddress(z, x, file.slice(0, -'.mvt'.length))
    assertZoomInRange(address, REPORT_TILE_ZOOMS.minzoom, REPORT_TILE_ZOOMS.maxzoom)
    const filter = readTileFilter(ctx)
    const gzip = requireTileEncoding(ctx) === 'gzip'

    const bytes = await cutReportTile(db, filter, address)
    // A tile is no document: no content security policy, as for the public tiles.
    ctx.remove('Content-Security-Policy')
    ctx.set('Cache-Control', PRIVATE)
    ctx.vary('Accept-Encoding')
    if (bytes.length === 0) {
      ctx.status = 204
      return
    }
    ctx.type = MVT_TYPE
    if (gzip) {
      ctx.set('Content-Encoding', 'gzip')
      ctx.body = await gzipAsync(bytes)
    } else {
      ctx.body = bytes
    }
  })

  return router
}

/** The list's filters; paging means nothing for a tile, so it is refused rather than ignored. */
function readTileFilter(ctx: Context): ReportFilter {
  const paging = Object.keys(ctx.query).find((name) => name === 'limit' || name === 'offset')
  if (paging !== undefined) {
    const message = `${paging} pages the report list; tiles take only its filters.`
    throw badRequest('PARAMETER_UNKNOWN', message, paging)
  }
  return readReportFilter(ctx.query)
}

/** The request's filters, already checked, as the query of the tile URLs; '' when none. */
function filterQuery(ctx: Context): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(ctx.query)) {
    if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim())
  }
  const query = params.toString()
  return query === '' ? '' : `?${query}`
}
